public import ReplayJournal
import Scenarios

/// A named set of clauses judged over a run's journal. ``Contract/l7`` is the L7 category
/// contract; ``Contract/only(_:)`` narrows it to some clauses; `.l7 + [clause]` adds a team's own.
///
/// Beside its clauses, a contract judges the scenario's `expect:` rules, which the journal
/// carries, each reported as a clause with the id `expect.<name>`.
public struct Contract: Sendable {
    /// The name, such as `l7`.
    public let name: String
    /// The clauses, in the order reports list them.
    public let clauses: [Clause]
    /// The ids of the scenario's expectations to judge; nil for all of them.
    private let expectationIDs: Set<String>?

    /// Creates a contract of your own clauses (the scenario's expectations are judged too).
    public init(name: String, clauses: [Clause]) {
        self.init(name: name, clauses: clauses, expectationIDs: nil)
    }

    private init(name: String, clauses: [Clause], expectationIDs: Set<String>?) {
        self.name = name
        self.clauses = clauses
        self.expectationIDs = expectationIDs
    }

    /// The contract with more clauses after its own: `.l7 + [myClause]`.
    public static func + (contract: Contract, clauses: [Clause]) -> Contract {
        Contract(name: contract.name, clauses: contract.clauses + clauses, expectationIDs: contract.expectationIDs)
    }

    /// Every contract tts-replay knows.
    public static var all: [Contract] { [.l7] }

    /// The contract of a name.
    ///
    /// - Throws: ``ContractError/unknownContract(_:)``.
    public static func named(_ name: String) throws(ContractError) -> Contract {
        guard let contract = all.first(where: { $0.name == name }) else { throw .unknownContract(name) }
        return contract
    }

    /// This contract with only the clauses (and scenario expectations, `expect.<name>`) of the given ids.
    public func only(_ ids: Set<String>) -> Contract {
        Contract(name: name, clauses: clauses.filter { ids.contains($0.id) }, expectationIDs: ids.intersection(expectationIDs ?? ids))
    }

    /// Judges a journal: a running server's (`server.journal.reader`, after a flush) or a file's.
    ///
    /// - Throws: ``ContractError/notJudgeable(reason:)`` for a journal without contract facts; a database error.
    public func judge(_ journal: JournalReader) async throws -> ContractReport {
        let evidence = try await ContractEvidence(journal: journal)
        let expectations = evidence.facts.expectations.filter { expectationIDs?.contains($0.id) ?? true }.map(Clause.init(expectation:))
        return ContractReport(
            contract: name,
            scenario: evidence.scenario,
            results: (clauses + expectations).map { clause in
                let base = ClauseResult(
                    id: clause.id,
                    title: clause.title,
                    severity: clause.severity,
                    status: .passed,
                    violations: [],
                    facts: clause.facts,
                    hint: clause.hint
                )
                var result = base
                switch clause.judge(evidence) {
                case .notExercised(let reason):
                    result.status = .notExercised
                    result.notExercisedBecause = reason
                case .judged(let violations):
                    result.violations = violations
                    result.status = violations.isEmpty ? .passed : .violated
                }
                return result
            }
        )
    }
}

extension Contract {
    /// The clause catalogue as Markdown: one section per clause with its id, severity, the
    /// facts it rests on and the fix. docs/contract.md holds it between markers, checked by a test.
    public var markdown: String {
        var text = "| id | severity | what the client must do |\n|---|---|---|\n"
        for clause in clauses { text += "| `\(clause.id)` | \(clause.severity.rawValue) | \(clause.title) |\n" }
        for clause in clauses {
            text +=
                "\n### `\(clause.id)`\n\n\(clause.title).\n\n- Severity: \(clause.severity.rawValue)\n- Facts: \(clause.facts)\n- Fix: \(clause.hint)\n"
        }
        return text
    }
}
