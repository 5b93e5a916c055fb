/// A violation of a clause, with the evidence: the journal entries, the request, what was expected.
public struct ContractViolation: Sendable, Hashable, Codable {
    /// What the client did.
    public var message: String
    /// What the clause expected instead.
    public var expected: String
    /// The journal's request entries that show it (ids of `GET /__admin/journal`).
    public var entries: [Int64]
    /// The request line of the first entry, query included, when a request shows it.
    public var request: String?
    /// The webhook notification concerned, when a delivery shows it.
    public var notification: String?

    /// Creates a violation.
    public init(message: String, expected: String, entries: [Int64] = [], request: String? = nil, notification: String? = nil) {
        self.message = message
        self.expected = expected
        self.entries = entries
        self.request = request
        self.notification = notification
    }
}

/// How one clause fared in a run.
public struct ClauseResult: Sendable, Hashable, Codable {
    /// Passed, violated, or not exercised (coverage, never a pass).
    public enum Status: String, Sendable, Hashable, Codable {
        /// Exercised, and no violation.
        case passed
        /// At least one violation.
        case violated
        /// The run never did what the clause is about.
        case notExercised = "not_exercised"
    }

    /// The clause's id.
    public var id: String
    /// The clause's title.
    public var title: String
    /// The clause's severity.
    public var severity: Clause.Severity
    /// The outcome.
    public var status: Status
    /// Every violation found (empty unless violated).
    public var violations: [ContractViolation]
    /// Why the clause was not exercised, when it was not.
    public var notExercisedBecause: String?
    /// The facts the clause rests on.
    public var facts: String
    /// How to fix a violation.
    public var hint: String

    enum CodingKeys: String, CodingKey {
        case id, title, severity, status, violations, facts, hint
        case notExercisedBecause = "not_exercised_because"
    }
}

/// A contract's verdict on one run: every clause passed, violated or not exercised.
public struct ContractReport: Sendable, Hashable, Codable {
    /// The contract's name, such as `l7`.
    public var contract: String
    /// The scenario of the run.
    public var scenario: String
    /// One result per clause, in catalogue order.
    public var results: [ClauseResult]

    /// Whether no error clause was violated (warnings and clauses not exercised do not fail a run).
    public var passed: Bool {
        !results.contains { $0.status == .violated && $0.severity == .error }
    }

    /// The result of one clause.
    public func result(_ id: String) -> ClauseResult? {
        results.first { $0.id == id }
    }

    /// The ids of the clauses with a given status.
    public func ids(_ status: ClauseResult.Status) -> [String] {
        results.filter { $0.status == status }.map(\.id)
    }
}
