import Foundation

/// A contract suite: one client command run against many scenarios, each on its own server,
/// with what is expected of each run and of the suite as a whole.
///
/// Read from a suite file (`docs/suites.md`); `tts-replay suite` runs it.
public struct Suite: Sendable {
    /// One scenario of the suite and what its run must show.
    public struct Entry: Sendable, Hashable {
        /// The name shown in reports: a built-in scenario's name, or a file's path as written.
        public var name: String
        /// What `Scenario.named(_:)` resolves: the built-in name or the file's path.
        public var reference: String
        /// The clauses the run must violate (every other error clause must pass or not be
        /// exercised); empty when the run must pass.
        public var violates: [String]
    }

    /// What the suite as a whole must exercise.
    public enum Coverage: Sendable, Hashable {
        /// Nothing.
        case none
        /// Every clause of the contract.
        case all
        /// These clauses.
        case clauses([String])
    }

    /// The suite's name.
    public var name: String
    /// The client command and its arguments; empty when the suite leaves it to the command line.
    public var command: [String]
    /// Variables added to the client's environment.
    public var environment: [String: String]
    /// How long one client run may take before it is stopped and counted as failed.
    public var clientTimeout: HumanDuration
    /// How many scenarios run at a time, if the suite says.
    public var jobs: Int?
    /// The scenarios, in the order they were first named.
    public var entries: [Entry]
    /// What the suite as a whole must exercise.
    public var coverage: Coverage

    /// The client timeout when the suite gives none.
    public static let defaultClientTimeout = HumanDuration(seconds: 600)

    /// Creates a suite.
    public init(
        name: String,
        command: [String] = [],
        environment: [String: String] = [:],
        clientTimeout: HumanDuration = Suite.defaultClientTimeout,
        jobs: Int? = nil,
        entries: [Entry],
        coverage: Coverage = .none
    ) {
        self.name = name
        self.command = command
        self.environment = environment
        self.clientTimeout = clientTimeout
        self.jobs = jobs
        self.entries = entries
        self.coverage = coverage
    }

    /// Every shipped scenario, expected to pass: the suite run when no suite file is given.
    public static var allBuiltIn: Suite {
        Suite(name: "all", entries: Scenario.builtInNames.map { Entry(name: $0, reference: $0, violates: []) })
    }
}
