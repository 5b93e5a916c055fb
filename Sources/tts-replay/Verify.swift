import ArgumentParser
import Foundation
import ReplayServer

/// `tts-replay verify`: judge a journal written earlier or by another process.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge a journal file against the contract.",
        discussion: """
            The summary goes to standard error, like a compiler's errors. Exit status: 0 when no error clause
            is violated, 1 when one is, 2 when the journal cannot be read or an option is wrong.
            """
    )

    @Argument(help: ArgumentHelp("The journal file (SQLite) of a run, such as the one `serve` prints.", valueName: "journal"))
    var journal: String

    @OptionGroup var output: ContractOutput

    func run() async throws {
        let report: ContractReport
        do {
            report = try await output.selected.judge(JournalReader(path: journal))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        try output.publish(report)
        if !report.passed { throw ExitCode.failure }
    }
}
