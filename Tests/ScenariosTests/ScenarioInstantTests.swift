import Foundation
import Scenarios
import Testing

@Suite("Instants")
struct ScenarioInstantTests {
    /// A day or time that does not exist is no instant: the system's parser carried it over
    /// (2026-13-02 became 2027-01-02) and the scenario ran at another time than it said.
    @Test(arguments: ["2026-13-02T09:00:00Z", "2026-02-30T00:00:00Z", "2026-11-02T25:61:61Z", "2026-11-02T09:00:00+25:00", "2027-02-29T00:00:00Z"])
    func aDayOrTimeThatDoesNotExistIsNoInstant(_ text: String) throws {
        #expect(ScenarioInstant.parse(text) == nil)
        let error = #expect(throws: DiagnosticError.self) { try Scenario.parse("name: x\nclock:\n  start: \(text)\n") }
        #expect(error?.description.contains("3:10") == true, "\(String(describing: error))")
    }

    @Test(arguments: [
        ("2026-11-02T09:00:00Z", 1_793_610_000.0), ("2026-11-02T10:00:00+01:00", 1_793_610_000), ("2026-11-02T09:00:00.250Z", 1_793_610_000.25),
        ("2028-02-29T00:00:00Z", 1_835_395_200), ("2026-11-02T03:30:00-05:30", 1_793_610_000),
        ("2026-11-02T10:00:00+0100", 1_793_610_000), ("2026-11-02T10:00:00+01", 1_793_610_000),
    ])
    func anInstantThatExistsParses(_ text: String, _ seconds: Double) {
        #expect(ScenarioInstant.parse(text)?.timeIntervalSince1970 == seconds)
    }
}
