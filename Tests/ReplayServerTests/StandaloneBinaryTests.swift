import Foundation
import Testing

/// A built `tts-replay` copied anywhere runs alone: the shipped scenarios, catalogue and
/// cassettes are inside it.
@Suite("A standalone binary")
struct StandaloneBinaryTests {
    @Test func aCopiedBinaryRunsAScenarioWithNothingBesideIt() async throws {
        try await TemporaryFolder.with("contract-cli") { folder in
            let copy = folder.appendingPathComponent("bin/tts-replay")
            try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: try ServeProcess.executable, to: copy)
            let scratch = folder.appendingPathComponent("tmp")
            let environment = ["TMPDIR": scratch.path, "HOME": folder.path]
            #expect(try FileManager.default.contentsOfDirectory(atPath: copy.deletingLastPathComponent().path) == ["tts-replay"])

            let run = try await ToolRun.run(
                ["run", "--scenario", "happy-path-gb", "--", "python3", ContractCommandTests.client],
                executable: copy,
                environment: environment
            )
            #expect(run.status == 0, "\(run.errors)")
            let lint = try await ToolRun.run(
                ["lint", ContractCommandTests.package.appendingPathComponent("scenarios").path],
                executable: copy,
                environment: environment
            )
            #expect(lint.status == 0, "\(lint.output)")
            let written = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.hasPrefix("tts-replay-data-") }
            #expect(written.count == 1, "the shipped data is written out once, named by its digest")
        }
    }

    @Test func versionNamesTheReleaseAndTheCommit() async throws {
        let run = try await ToolRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.output.wholeMatch(of: /tts-replay \d+\.\d+\.\d+ \(commit ([0-9a-f]{40}|unknown)\)\n/) != nil, "\(run.output)")
    }
}
