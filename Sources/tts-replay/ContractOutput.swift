import ArgumentParser
import ContractJudge
import Foundation
import ReplayJournal
import ReplayServer

/// The report options `run` and `verify` share, and how they write the report.
struct ContractOutput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The contract to judge by.", valueName: "name"))
    var contract = "l7"

    @Option(name: .long, help: ArgumentHelp("Write the report as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("Write the report as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Write the report as one self-contained HTML page, with the run's timeline, to this file.", valueName: "file")
    )
    var html: String?

    func validate() throws {
        do {
            _ = try Contract.named(contract)
        } catch {
            throw ValidationError(error.description)
        }
    }

    /// The contract named by `--contract` (validated already).
    var selected: Contract {
        (try? Contract.named(contract)) ?? .l7
    }

    /// What the HTML report draws from the journal, when `--html` asks for one: read it before
    /// the journal closes.
    func timeline(from journal: JournalReader) async throws -> RunTimeline? {
        html == nil ? nil : try await RunTimeline(journal: journal)
    }

    /// Prints the summary on standard error and writes the files asked for.
    ///
    /// - Throws: `ExitCode` 2 when a file cannot be written.
    func publish(_ report: ContractReport, timeline: RunTimeline?) throws {
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        do {
            if let junit { try Data(report.junit.utf8).write(to: URL(fileURLWithPath: junit)) }
            if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
            if let html { try Data(report.html(timeline: timeline).utf8).write(to: URL(fileURLWithPath: html)) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
    }
}
