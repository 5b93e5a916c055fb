import ArgumentParser
import Foundation

/// The `tts-replay` command: a fake TikTok Shop API for testing clients against the L7 contract.
@main
struct TTSReplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tts-replay",
        abstract: "A fake TikTok Shop API server for testing clients against the L7 category contract.",
        discussion: """
            Exit status: 0 success; 1 problems found (lint), a contract violated (run, verify, suite) or differences found (conform); 2 usage error, a broken
            scenario, or a server that could not start; 3 the client command of `run` failed; 4 the journal lost
            entries (serve, run, verify): it is not a full record of the run.
            """,
        version: BuildStamp.description,
        subcommands: [
            Serve.self, Run.self, SuiteCommand.self, Verify.self, Clauses.self, Record.self, Conform.self, Lint.self, ListScenarios.self,
            CatalogueCommand.self, ScenarioCommand.self,
        ]
    )

    /// Parses and runs, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

/// What the process's exit status means.
enum ExitStatus: Int32 {
    /// Everything worked.
    case success = 0
    /// A usage error, a broken scenario, or a server that could not start.
    case usage = 2
    /// The client command of `run` failed.
    case clientFailed = 3
    /// The journal lost entries (a write failed), so it is not a full record of the run and a
    /// contract judged on it is not a verdict (`serve`, `run`, `verify`); or a recording left
    /// exchanges out of its cassette (`record`).
    case journalIncomplete = 4

    var exitCode: ExitCode { ExitCode(rawValue) }
}
