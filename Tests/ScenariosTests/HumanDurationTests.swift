import Scenarios
import Testing

@Suite("Human durations")
struct HumanDurationTests {
    @Test(arguments: [
        ("90s", Int64(90_000)), ("40m", 2_400_000), ("24h", 86_400_000), ("-3d", -259_200_000), ("1h30m", 5_400_000),
        ("2w", 1_209_600_000), ("250ms", 250), ("+5s", 5000), ("0s", 0),
    ])
    func parses(_ text: String, _ milliseconds: Int64) {
        #expect(HumanDuration(parsing: text)?.milliseconds == milliseconds)
    }

    @Test(arguments: ["", "5", "h", "5x", "1.5h", "-", "3d-2h", "99999999999999999d", "5 s"])
    func refuses(_ text: String) {
        #expect(HumanDuration(parsing: text) == nil)
    }

    /// Past the longest duration, or past Int64 on the way: refused, never an overflow.
    @Test(arguments: ["36501d", "106751991167d106751991167d", "999999999999w999999999999w", "-36501d"])
    func refusesWhatIsTooLong(_ text: String) {
        #expect(HumanDuration(parsing: text) == nil)
        #expect(HumanDuration(parsing: "36500d") == HumanDuration.longest)
    }

    /// In a scenario, a duration past the limit is an error at its place; a bare number of
    /// seconds too large for milliseconds crashed `lint`, `serve` and `suite`.
    @Test(arguments: ["9223372036854775807", "9223372036854776", "3153600001", "'106751991167d106751991167d'", "36501d"])
    func aScenarioDurationPastTheLimitIsAnErrorAtItsPlace(_ value: String) {
        let text = "name: long\naccess_tokens:\n  - token: t\n    expires_in: \(value)\n"
        let error = #expect(throws: DiagnosticError.self) { try Scenario.parse(text) }
        #expect(error?.description.contains("4:17") == true, "\(String(describing: error))")
    }

    @Test(arguments: ["1d2h", "-90s", "250ms", "0s"])
    func printsItsOwnForm(_ text: String) throws {
        let duration = try #require(HumanDuration(parsing: text))
        #expect(duration.description == (text == "-90s" ? "-1m30s" : text))
    }
}
