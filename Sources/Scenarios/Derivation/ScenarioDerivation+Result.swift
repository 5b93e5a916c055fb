extension ScenarioDerivation {
    /// A derived scenario: its text, the cassette of what the simulator cannot answer, the notes.
    package struct Result: Sendable {
        /// The scenario as YAML, with a comment on each part saying where it came from.
        package var scenarioYAML: String
        /// The recorded answers the simulator cannot produce, to be written beside the scenario
        /// under ``LeftoverCassette/fileName`` (which the scenario's `cassettes:` names); nil when
        /// the simulator answers every recorded operation.
        package var leftover: LeftoverCassette?
        /// What could not be derived as recorded, and what was done instead, in the order found.
        package var notes: [DerivationNote]
        /// How much was read and derived.
        package var counts: Counts
        /// With ``UnknownCategories/standIn``: per recorded category id the catalogue lacks, the
        /// leaf that stands in for it. Empty otherwise.
        package var categoryStandIns: [String: String] = [:]
    }

    /// The leftover cassette: the interactions of routes the simulator does not answer.
    package struct LeftoverCassette: Sendable {
        /// The file name the scenario names it by, relative to the scenario file.
        package var fileName: String
        /// The cassette as YAML (the format of docs/cassettes.md).
        package var yaml: String
        /// How many interactions it holds.
        package var interactionCount: Int
    }

    /// How much was read and derived.
    package struct Counts: Sendable, Hashable {
        /// Interactions read, all cassettes together.
        package var interactions: Int
        /// Shops in the scenario.
        package var shops: Int
        /// Products in the scenario.
        package var products: Int
        /// Products seen in the recording but left out (each with a comment and a note).
        package var productsLeftOut: Int
        /// Markets with a `market_policy` entry implied by the answers.
        package var marketPolicies: Int
        /// Interactions kept in the leftover cassette.
        package var leftoverInteractions: Int
    }
}
