import Foundation

/// The verdict on a contract suite: each scenario's report against what the suite expects of
/// it, and which clauses the suite as a whole exercised.
public struct SuiteReport: Sendable {
    /// One scenario's run.
    public struct ScenarioRun: Sendable, Codable {
        /// The scenario's name as the suite gives it.
        public var scenario: String
        /// The clauses the suite expects the run to violate (empty: it must pass).
        public var expectedViolations: [String]
        /// The contract's report, when the run got as far as a verdict.
        public var report: ContractReport?
        /// Why the run has no verdict or failed outside the contract: the scenario did not
        /// load, the client command failed or timed out, the journal lost entries.
        public var problem: String?
        /// Seconds of wall time the run took.
        public var seconds: Double
        /// What the run's journal held, for the HTML report; read only when one is asked for
        /// (not part of the JSON).
        public var timeline: RunTimeline? = nil

        /// Creates a run's result.
        public init(scenario: String, expectedViolations: [String], report: ContractReport?, problem: String?, seconds: Double) {
            self.scenario = scenario
            self.expectedViolations = expectedViolations
            self.report = report
            self.problem = problem
            self.seconds = seconds
        }

        /// The error clauses violated that the suite did not expect.
        public var unexpectedViolations: [String] {
            (report?.results ?? []).filter { $0.status == .violated && $0.severity == .error && !expectedViolations.contains($0.id) }.map(\.id)
        }

        /// The clauses the suite expected to be violated that were not.
        public var missingViolations: [String] {
            expectedViolations.filter { id in report?.result(id)?.status != .violated }
        }

        /// Whether the run shows what the suite expects: a verdict, no problem, exactly the
        /// expected error clauses violated.
        public var isAsExpected: Bool {
            report != nil && problem == nil && unexpectedViolations.isEmpty && missingViolations.isEmpty
        }

        enum CodingKeys: String, CodingKey {
            case scenario, report, problem, seconds
            case expectedViolations = "expected_violations"
        }
    }

    /// The suite's name.
    public var suite: String
    /// The contract judged by.
    public var contract: String
    /// The contract's clause ids, in its order.
    public var clauseIDs: [String]
    /// The runs, in the suite's order.
    public var runs: [ScenarioRun]
    /// The clauses the suite must exercise as a whole.
    public var requiredCoverage: [String]

    /// Creates a suite report.
    public init(suite: String, contract: Contract, runs: [ScenarioRun], requiredCoverage: [String]) {
        self.suite = suite
        self.contract = contract.name
        self.clauseIDs = contract.clauses.map(\.id)
        self.runs = runs
        self.requiredCoverage = requiredCoverage
    }

    /// The clauses some run exercised (passed or violated).
    public var exercised: Set<String> {
        Set(runs.flatMap { ($0.report?.results ?? []).filter { $0.status != .notExercised }.map(\.id) })
    }

    /// The required clauses no run exercised.
    public var uncovered: [String] {
        requiredCoverage.filter { !exercised.contains($0) }
    }

    /// Whether every run is as expected and the coverage asked for is reached.
    public var passed: Bool {
        runs.allSatisfy(\.isAsExpected) && uncovered.isEmpty
    }
}
