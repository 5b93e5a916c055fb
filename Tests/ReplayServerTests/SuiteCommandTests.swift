import Foundation
import Scenarios
import Testing

/// `tts-replay suite` as a CI job meets it: exit statuses, the matrix, JUnit and JSON.
@Suite("Suite command")
struct SuiteCommandTests {
    static let client = ContractCommandTests.client

    static func withSuite<T>(_ text: String, _ body: (URL, URL) async throws -> T) async throws -> T {
        try await TemporaryFolder.with("contract-cli") { folder in
            let file = folder.appendingPathComponent("ci.suite.yaml")
            try Data(text.utf8).write(to: file)
            return try await body(folder, file)
        }
    }

    @Test func aScenarioExpectedToViolateIsAsExpectedAndAnotherIsNot() async throws {
        let suite = """
            name: v1-client
            client: {command: [python3, \(Self.client), --v1]}
            scenarios:
              - happy-path-gb
              - scenario: happy-path-de
                violates: [l7.v2-on-listing]
            """
        try await Self.withSuite(suite) { folder, file in
            let junit = folder.appendingPathComponent("suite.xml").path
            let json = folder.appendingPathComponent("suite.json").path
            let html = folder.appendingPathComponent("suite.html").path
            let run = try await ToolRun.run(["suite", file.path, "--jobs", "2", "--junit", junit, "--json", json, "--html", html])
            #expect(run.status == 1, "\(run.errors)")
            #expect(run.output.contains("suite v1-client, contract l7: 2 scenarios, 1 as expected, 1 not: FAILED"))
            let gb = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("happy-path-gb") })
            #expect(gb.contains("✗!") && gb.hasSuffix("differs from what the suite expects"))
            #expect(run.output.split(separator: "\n").first { $0.hasPrefix("happy-path-de") }?.hasSuffix("as expected") == true)
            #expect(run.errors.contains("--- output of the client on happy-path-gb ---"))

            let xml = try String(contentsOfFile: junit, encoding: .utf8)
            #expect(xml.contains(#"<testsuite name="happy-path-gb" tests="16" failures="1" errors="0""#))
            #expect(xml.contains(#"<testsuite name="happy-path-de" tests="16" failures="0" errors="0""#))
            #expect(xml.contains("violated, as the suite expects"))
            #expect(xml.contains(#"type="l7.v2-on-listing""#), "the clause named in the JUnit failure")
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("get_categories sent category_version=v1"), "the clause's violation in the HTML report")
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(report["passed"] == .bool(false))
            #expect(report["runs"]?[1]?["expected_violations"] == .array([.string("l7.v2-on-listing")]))
        }
    }

    @Test func requiredCoverageThatNoScenarioReachesFailsTheSuite() async throws {
        try await Self.withSuite("scenarios: [happy-path-gb, happy-path-jp]\nrequire_coverage: [l7.v2-on-listing]\n") { _, file in
            let reached = try await ToolRun.run(["suite", file.path, "--", "python3", Self.client])
            #expect(reached.status == 0, "\(reached.output)")
            #expect(reached.output.contains("2 scenarios, 2 as expected: PASSED"))
            let run = try await ToolRun.run(["suite", file.path, "--require-coverage", "l7.forged-webhooks-rejected", "--", "python3", Self.client])
            #expect(run.status == 1)
            #expect(run.output.contains("required coverage not reached: l7.forged-webhooks-rejected"))
        }
    }

    /// The shipped example: the Python reference client passes every shipped scenario, and
    /// together they exercise every clause.
    @Test func theShippedSuitePassesWithFullCoverage() async throws {
        let suite = ContractCommandTests.package.appendingPathComponent("examples/reference.suite.yaml").path
        let client = ContractCommandTests.package.appendingPathComponent("examples/reference_client.py").path
        let run = try await ToolRun.run(["suite", suite, "--jobs", "2", "--", "python3", client])
        #expect(run.status == 0, "\(run.output)\n\(run.errors)")
        #expect(run.output.contains("coverage: 15 of 15 clauses exercised"))
        #expect(run.output.contains("\(Scenario.builtInNames.count) scenarios, \(Scenario.builtInNames.count) as expected: PASSED"))
    }

    @Test func aClientPastItsDeadlineIsStoppedAndExitsThree() async throws {
        let suite = """
            client: {command: [sleep, "60"], timeout: 1s}
            scenarios: [default]
            """
        try await Self.withSuite(suite) { _, file in
            let run = try await ToolRun.run(["suite", file.path])
            #expect(run.status == 3)
            #expect(run.output.contains("the client command ran past its 1 s deadline and was stopped"))
        }
    }

    @Test func aBrokenSuiteFileExitsTwoWithItsLine() async throws {
        try await Self.withSuite("scenarios: [happy-path-gbb]\n") { _, file in
            let run = try await ToolRun.run(["suite", file.path, "--", "true"])
            #expect(run.status == 2)
            #expect(run.errors.contains("ci.suite.yaml:1:13: error: 'happy-path-gbb' is not a built-in scenario"))
        }
        #expect(try await ToolRun.run(["suite", "--jobs", "0", "--", "true"]).status == 2)
        #expect(try await ToolRun.run(["suite"]).status == 2, "no client command")
    }
}
