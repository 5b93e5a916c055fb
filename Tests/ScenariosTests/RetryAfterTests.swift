import Testing

@testable import Scenarios

/// `Retry-After` is read one way everywhere: delay-seconds, finite, at most a year.
@Suite("Retry-After values")
struct RetryAfterValueTests {
    @Test(arguments: [("30", 30.0), ("0", 0), ("1.5", 1.5), (" 2 ", 2), ("31622400", 31_622_400)])
    func delaySecondsAreRead(_ text: String, _ seconds: Double) {
        #expect(RetryAfter.seconds(text) == seconds)
    }

    @Test(arguments: ["nan", "NaN", "inf", "-inf", "1e400", "1e3", "-1", "", ".5", "5.", "0x10", "31622401", "Wed, 21 Oct 2015 07:28:00 GMT"])
    func anythingElseIsNoDelay(_ text: String) {
        #expect(RetryAfter.seconds(text) == nil)
    }

    @Test func aStubWhoseRetryAfterIsNoDelayIsAnErrorAtItsHeaders() {
        do {
            _ = try Scenario.parse(
                "stubs:\n  - match: {operation: search_products}\n    respond: {status: 429, code: 36009002, headers: {Retry-After: nan}}\n",
                file: "s.yaml"
            )
            Issue.record("Retry-After: nan was accepted")
        } catch {
            let diagnostic = error.diagnostics.first
            #expect(diagnostic?.message.contains("Retry-After must be a number of seconds") == true, "\(error)")
            #expect(diagnostic?.line == 3)
        }
    }
}
