/// A QA rule written in a scenario's `expect:` list and judged over the run's journal beside
/// the contract: "create_category_upgrade_task is called exactly once", "Search Products with
/// category_version=v1 after the task finished", "every PRODUCT_CATEGORY_CHANGE is
/// acknowledged within 30m", "the jumper ends on the v2 tree".
///
/// The contract reports each rule like a clause, with the id `expect.<name>`
/// (docs/scenarios.md, "Expectations").
public struct ScenarioExpectation: Sendable, Hashable, Codable {
    /// How much a broken rule matters.
    public enum Severity: String, Sendable, Hashable, CaseIterable, Codable {
        /// Fails the run.
        case error
        /// Reported, but the run still passes.
        case warning
    }

    /// What a rule expects.
    public enum Rule: Sendable, Hashable, Codable {
        /// An operation is called a number of times, in a window of the run (`calls:`).
        case calls(Calls)
        /// Webhooks of a type are acknowledged (`acknowledges:`).
        case acknowledges(Acknowledgement)
        /// A product of the scenario ends the run in a state (`product:` with `ends_in:`).
        case endsIn(EndState)
    }

    /// The name, unique in its scenario: letters, digits, `-` and `_`.
    public var name: String
    /// What the rule checks, for people; nil to let reports describe the rule.
    public var description: String?
    /// How much a broken rule matters. Default error.
    public var severity: Severity
    /// What the rule expects.
    public var rule: Rule

    /// Creates a rule.
    public init(name: String, description: String? = nil, severity: Severity = .error, rule: Rule) {
        self.name = name
        self.description = description
        self.severity = severity
        self.rule = rule
    }

    /// The id reports give the rule: `expect.<name>`.
    public var id: String { "expect.\(name)" }

    /// One line saying what the rule expects: the description, or a sentence made from the rule.
    public var title: String {
        if let description { return description }
        switch rule {
        case .calls(let calls): return calls.summary
        case .acknowledges(let acknowledgement): return acknowledgement.summary
        case .endsIn(let state): return state.summary
        }
    }
}
