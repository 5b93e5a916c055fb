import Foundation
import Testing

@testable import Scenarios

/// Suite files: what they select, what they expect, and every problem at its line.
@Suite("Suite files")
struct SuiteLoadingTests {
    static let clauses: Set<String> = ["l7.v2-on-listing", "l7.signed-and-fresh", "l7.failed-upgrades-handled"]

    @Test func allThenASpecificEntrySaysWhatThatScenarioMustViolate() throws {
        let suite = try Suite.parse(
            """
            name: nightly
            client: {command: [python3, client.py], env: {LOG: debug}, timeout: 2m}
            jobs: 3
            scenarios:
              - all
              - scenario: legacy-v1-listing
                violates: [l7.v2-on-listing]
            require_coverage: [l7.signed-and-fresh]
            """,
            clauseIDs: Self.clauses
        )
        #expect(suite.name == "nightly")
        #expect(suite.command == ["python3", "client.py"] && suite.environment == ["LOG": "debug"])
        #expect(suite.clientTimeout == HumanDuration(seconds: 120) && suite.jobs == 3)
        #expect(suite.entries.map(\.name) == Scenario.builtInNames, "each scenario once, in the order first named")
        #expect(suite.entries.first { $0.name == "legacy-v1-listing" }?.violates == ["l7.v2-on-listing"])
        #expect(suite.entries.filter { !$0.violates.isEmpty }.count == 1)
        #expect(suite.coverage == .clauses(["l7.signed-and-fresh"]))
    }

    @Test func aGlobSelectsFilesBesideTheSuite() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("qa"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["b.yaml", "a.yaml", "notes.txt"] { try Data("name: x\n".utf8).write(to: folder.appendingPathComponent("qa/\(name)")) }
        let file = folder.appendingPathComponent("qa.suite.yaml")
        try Data("scenarios: [qa/*.yaml]\n".utf8).write(to: file)
        let suite = try Suite.load(contentsOf: file, clauseIDs: Self.clauses)
        #expect(suite.entries.map(\.name) == ["qa/a.yaml", "qa/b.yaml"])
        #expect(suite.entries.first?.reference == folder.appendingPathComponent("qa/a.yaml").standardizedFileURL.path)
        #expect(suite.name == "qa.suite")
    }

    @Test func aGlobMayHoldPatternsInItsFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for path in ["qa/gb/a.yaml", "qa/de/b.yaml", "qa/de/.hidden.yaml", "qa/.old/c.yaml", "qa/jp.yaml/d.yaml"] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("name: x\n".utf8).write(to: url)
        }
        let file = folder.appendingPathComponent("qa.suite.yaml")
        try Data("scenarios: ['q?/*/*.yaml']\n".utf8).write(to: file)
        let suite = try Suite.load(contentsOf: file, clauseIDs: Self.clauses)
        #expect(suite.entries.map(\.name) == ["qa/de/b.yaml", "qa/gb/a.yaml", "qa/jp.yaml/d.yaml"], "files only, no hidden ones")
        #expect(suite.entries.first?.reference == folder.appendingPathComponent("qa/de/b.yaml").standardizedFileURL.path)
        for glob in ["\(folder.path)/*/none/*.yaml", "\(folder.path)/qa/*.yaml"] {  // the second matches only a folder
            do {
                _ = try Suite.parse("scenarios: ['\(glob)']\n", clauseIDs: Self.clauses)
                Issue.record("\(glob), which matches no file, was accepted")
            } catch {
                #expect(error.diagnostics.first?.message.contains("matches no file") == true, "\(error)")
            }
        }
    }

    @Test func lintChecksTheScenarioFilesASuiteSelects() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suite-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("qa"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("name: good\n".utf8).write(to: folder.appendingPathComponent("qa/good.yaml"))
        let broken = folder.appendingPathComponent("qa/broken.yaml")
        try Data("name: broken\nclock: {rate: fast}\n".utf8).write(to: broken)
        let file = folder.appendingPathComponent("qa.suite.yaml")
        try Data("scenarios: [happy-path-gb, 'qa/*.yaml']\n".utf8).write(to: file)
        let diagnostics = Linter.diagnostics(forFileAt: file, clauseIDs: Self.clauses)
        #expect(diagnostics.map { "\($0.file):\($0.line) \($0.keyPath)" } == ["\(broken.standardizedFileURL.path):2 clock.rate"], "\(diagnostics)")
    }

    @Test func lintReportsEveryProblemOfASuiteAtItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suite-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.yaml")
        try Data(
            """
            client: {command: [], timout: 2m}
            jobs: 0
            scenarios:
              - happy-path-gbb
              - missing/*.yaml
              - scenario: failed-upgrade
                violates: [l7.failed-upgrade-handled]
            require_coverage: everything

            """.utf8
        ).write(to: file)
        let diagnostics = Linter.diagnostics(forFileAt: file, clauseIDs: Self.clauses)
        #expect(
            diagnostics.map { "\($0.line) \($0.keyPath)" } == [
                "1 client.command", "1 client.timout", "2 jobs", "4 scenarios[0]", "5 scenarios[1]", "7 scenarios[2].violates[0]",
                "8 require_coverage",
            ]
        )
        #expect(diagnostics.contains { $0.message.contains("did you mean 'happy-path-gb'?") }, "\(diagnostics.map(\.message))")
        #expect(diagnostics.contains { $0.message.contains("did you mean 'l7.failed-upgrades-handled'?") })
    }

    /// A client timeout past a week is refused at its place: a longer one overflowed the
    /// watchdog's clock and crashed `suite`.
    @Test(arguments: ["0s", "8d", "9999d"])
    func aClientTimeoutOutsideItsLimitsIsAnErrorAtItsPlace(_ timeout: String) {
        let error = #expect(throws: DiagnosticError.self) {
            try Suite.parse("client: {command: [true], timeout: \(timeout)}\nscenarios: [default]\n", clauseIDs: Self.clauses)
        }
        #expect(error?.description.contains("1:") == true && error?.description.contains("at most 7d") == true, "\(String(describing: error))")
    }

    @Test func aSuiteWithoutScenariosIsAnError() {
        #expect(throws: DiagnosticError.self) { try Suite.parse("client: {command: [true]}\nscenarios: []\n", clauseIDs: Self.clauses) }
    }
}
