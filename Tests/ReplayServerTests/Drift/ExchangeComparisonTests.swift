import Drift
import Scenarios
import Testing

/// Outcomes, messages and headers of paired exchanges, from small hand-made pairs.
@Suite("Drift: exchange comparison")
struct ExchangeComparisonTests {
    static func answer(
        _ status: Int = 200,
        code: Int,
        message: String = "Success",
        headers: [String: String] = ["content-type": "application/json"]
    )
        -> RecordedAnswer
    {
        RecordedAnswer(status: status, headers: headers, body: .object(["code": .number(Double(code)), "message": .string(message)]))
    }

    static func pair(_ production: RecordedAnswer, _ simulator: RecordedAnswer, at source: String = "a.yaml#1") -> ExchangePair {
        ExchangePair(source: source, production: production, simulator: simulator)
    }

    @Test func equalOutcomesGiveNothing() {
        #expect(ExchangeComparison.findings([Self.pair(Self.answer(code: 0), Self.answer(code: 0))]).isEmpty)
    }

    @Test func anotherCodeForTheSameRequestIsAnErrorCodeDifferenceGroupedWithItsExamples() throws {
        let running = Self.answer(code: 12_052_234, message: "Please wait for the current task to finish (maximum 2 hours) and try again.")
        let findings = ExchangeComparison.findings([
            Self.pair(running, Self.answer(code: 0), at: "a.yaml#2"), Self.pair(running, Self.answer(code: 0), at: "a.yaml#5"),
        ])
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.kind == .errorCode)
        #expect(finding.count == 2)
        #expect(finding.examples == ["a.yaml#2", "a.yaml#5"])
        #expect(finding.production.contains("12052234") && finding.simulator.contains("code 0"))
    }

    @Test func anotherHTTPStatusForTheSameCodeIsAnErrorCodeDifferenceToo() {
        let findings = ExchangeComparison.findings([Self.pair(Self.answer(401, code: 36_009_004), Self.answer(400, code: 36_009_004))])
        #expect(findings.map(\.kind) == [.errorCode])
    }

    @Test func theSameCodeWithAnotherMessageIsAMessageDifference() {
        let findings = ExchangeComparison.findings([
            Self.pair(
                Self.answer(code: 12_019_150, message: "The product ID does not exist."),
                Self.answer(code: 12_019_150, message: "Product gone")
            )
        ])
        #expect(findings.map(\.kind) == [.message])
        #expect(findings.first?.severity == .minor)
    }

    @Test func anOperationTheSimulatorDoesNotSimulateIsNamedSo() {
        let findings = ExchangeComparison.findings([Self.pair(Self.answer(code: 0), Self.answer(501, code: 36_009_003, message: "not simulated"))])
        #expect(findings.map(\.kind) == [.notSimulated])
    }

    @Test func contentTypeAndRetryAfterAreCompared() {
        let json = ["content-type": "application/json"]
        let findings = ExchangeComparison.findings([
            Self.pair(Self.answer(code: 0, headers: ["content-type": "application/json; charset=utf-8"]), Self.answer(code: 0, headers: json)),
            Self.pair(
                Self.answer(429, code: 36_009_002, headers: json.merging(["retry-after": "30"]) { $1 }),
                Self.answer(429, code: 36_009_002, headers: json)
            ),
            Self.pair(
                Self.answer(429, code: 36_009_002, headers: json.merging(["retry-after": "30"]) { $1 }),
                Self.answer(429, code: 36_009_002, headers: json.merging(["retry-after": "5"]) { $1 })
            ),
        ])
        #expect(findings.map(\.kind) == [.header, .header])
        #expect(findings.map(\.subject) == ["content-type", "retry-after"], "Retry-After's value is not compared, only whether it comes")
    }
}
