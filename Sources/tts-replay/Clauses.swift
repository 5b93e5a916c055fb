import ArgumentParser
import ContractJudge
import Foundation
import ReplayServer

/// `tts-replay clauses`: the contract's clause catalogue.
struct Clauses: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the clauses of a contract: id, severity and title, or the whole catalogue as Markdown."
    )

    @Option(name: .long, help: ArgumentHelp("The contract.", valueName: "name"))
    var contract = "l7"

    @Flag(name: .long, help: "Print the catalogue as Markdown (the part of docs/contract.md between its markers).")
    var markdown = false

    func run() throws {
        let selected: Contract
        do {
            selected = try Contract.named(contract)
        } catch {
            throw ValidationError(error.description)
        }
        if markdown {
            print(selected.markdown, terminator: "")
            return
        }
        let width = selected.clauses.map(\.id.count).max() ?? 0
        for clause in selected.clauses {
            print(
                clause.id.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + clause.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0) + "  " + clause.title
            )
        }
    }
}
