/// One rule of a contract: what a client must do, why, how it is judged over a journal, and
/// how to fix a violation.
///
/// A team can write its own clauses: the judge is a closure over the run's ``ContractEvidence``
/// that returns a ``Verdict``. Judge them beside the L7 clauses with `.l7 + [clause]`, or in a
/// contract of their own with ``Contract/init(name:clauses:)``.
///
/// ```swift
/// let searchesOnce = Clause(
///     id: "team.one-search",
///     title: "Search Products is called at most once",
///     hint: "Cache the search result."
/// ) { evidence in
///     let searches = evidence.clientRequests.filter { $0.operation == APIOperation.searchProducts.id }
///     guard !searches.isEmpty else { return .notExercised("the client never searched") }
///     return .judged(searches.dropFirst().map { entry in
///         ContractViolation(message: "searched again", expected: "one search", entries: [entry.id], request: ContractEvidence.line(entry))
///     })
/// }
/// try await expectContract(server, .l7 + [searchesOnce])
/// ```
public struct Clause: Sendable, Identifiable {
    /// How much a violation matters.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// Breaks the contract: `run` and `verify` exit 1.
        case error
        /// Reported, but the run still passes.
        case warning
    }

    /// The stable id, such as `l7.v2-on-listing`.
    public let id: String
    /// One line saying what the client must do.
    public let title: String
    /// How much a violation matters.
    public let severity: Severity
    /// The facts the clause rests on: a section of the API reference (`docs/api-reference.md` in the repository).
    public let facts: String
    /// How to fix a violation.
    public let hint: String
    /// Judges the evidence.
    let judge: @Sendable (ContractEvidence) -> Verdict

    /// Creates a clause.
    ///
    /// - Parameters:
    ///   - id: A stable id, unique in its contract; prefix your own (`team.`), as `l7.` and
    ///     `expect.` are taken.
    ///   - title: One line saying what the client must do.
    ///   - severity: `.error` (default) fails the run; `.warning` only reports.
    ///   - facts: What the clause rests on (a section of the API reference, a team decision).
    ///   - hint: How to fix a violation.
    ///   - judge: Reads the evidence once and returns the verdict; it must not block.
    public init(
        id: String,
        title: String,
        severity: Severity = .error,
        facts: String = "",
        hint: String,
        judge: @escaping @Sendable (ContractEvidence) -> Verdict
    ) {
        self.id = id
        self.title = title
        self.severity = severity
        self.facts = facts
        self.hint = hint
        self.judge = judge
    }
}

/// What a clause found in a run.
public enum Verdict: Sendable, Hashable {
    /// The run never did what the clause is about; the reason says what was missing (coverage,
    /// never a pass).
    case notExercised(String)
    /// The clause was exercised; no violations means it passed.
    case judged([ContractViolation])
}
