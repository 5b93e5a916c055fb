/// One rule of a contract: what a client must do, why, how it is judged over a journal, and
/// how to fix a violation.
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
    /// The facts the clause rests on: a section of the API reference (`tiktok-shop-l7.md`).
    public let facts: String
    /// How to fix a violation.
    public let hint: String
    /// Judges the evidence.
    let judge: @Sendable (ContractEvidence) -> Verdict

    init(
        id: String,
        title: String,
        severity: Severity = .error,
        facts: String,
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
enum Verdict {
    /// The run never did what the clause is about; the reason says what was missing.
    case notExercised(String)
    /// The clause was exercised; no violations means it passed.
    case judged([ContractViolation])
}
