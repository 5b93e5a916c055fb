import ArgumentParser
import ContractJudge
import Foundation
import ReplayJournal

/// `tts-replay verify`: judge a journal written earlier or by another process.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge a journal file against the contract.",
        discussion: """
            The summary goes to standard error, like a compiler's errors. Exit status: 0 when no error clause
            is violated, 1 when one is, 2 when the journal cannot be read or an option is wrong, 4 when the journal
            is incomplete (its writer lost entries, arrival numbers have no entry, or a run did not close
            cleanly: still running, killed, or unable to write its end): a contract judged on it is not a verdict.
            Judge a running server with GET /__admin/contract.
            """
    )

    @Argument(help: ArgumentHelp("The journal file (SQLite) of a run, such as the one `serve` prints.", valueName: "journal"))
    var journal: String

    @OptionGroup var output: ContractOutput

    func run() async throws {
        let report: ContractReport
        let timeline: RunTimeline?
        do {
            let reader = try JournalReader(path: journal)
            if let problem = try await reader.integrity().problem {
                FileHandle.standardError.write(Data("error: \(JournalError.incomplete(path: journal, reason: problem))\n".utf8))
                throw ExitStatus.journalIncomplete.exitCode
            }
            report = try await output.selected.judge(reader)
            timeline = try await output.timeline(from: reader)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        try output.publish(report, timeline: timeline)
        if !report.passed { throw ExitCode.failure }
    }
}
