public import ReplayJournal

/// A named set of clauses judged over a run's journal. ``Contract/l7`` is the L7 category
/// contract; ``Contract/only(_:)`` narrows it to some clauses.
public struct Contract: Sendable {
    /// The name, such as `l7`.
    public let name: String
    /// The clauses, in the order reports list them.
    public let clauses: [Clause]

    /// Every contract tts-replay knows.
    public static var all: [Contract] { [.l7] }

    /// The contract of a name.
    ///
    /// - Throws: ``ContractError/unknownContract(_:)``.
    public static func named(_ name: String) throws(ContractError) -> Contract {
        guard let contract = all.first(where: { $0.name == name }) else { throw .unknownContract(name) }
        return contract
    }

    /// This contract with only the clauses of the given ids.
    public func only(_ ids: Set<String>) -> Contract {
        Contract(name: name, clauses: clauses.filter { ids.contains($0.id) })
    }

    /// Judges a journal: a running server's (`server.journal.reader`, after a flush) or a file's.
    ///
    /// - Throws: ``ContractError/notJudgeable(reason:)`` for a journal without contract facts; a database error.
    public func judge(_ journal: JournalReader) async throws -> ContractReport {
        let evidence = try await ContractEvidence(journal: journal)
        return ContractReport(
            contract: name,
            scenario: evidence.scenario,
            results: clauses.map { clause in
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
