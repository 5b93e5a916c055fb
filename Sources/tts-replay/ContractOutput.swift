import ArgumentParser
import ContractJudge
import Foundation
import ReplayServer

/// The report options `run` and `verify` share, and how they write the report.
struct ContractOutput: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The contract to judge by.", valueName: "name"))
    var contract = "l7"

    @Option(name: .long, help: ArgumentHelp("Write the report as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("Write the report as JSON to this file.", valueName: "file"))
    var json: String?

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

    /// Prints the summary on standard error and writes the files asked for.
    ///
    /// - Throws: `ExitCode` 2 when a file cannot be written.
    func publish(_ report: ContractReport) throws {
        FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        do {
            if let junit { try Data(report.junit.utf8).write(to: URL(fileURLWithPath: junit)) }
            if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
    }
}
