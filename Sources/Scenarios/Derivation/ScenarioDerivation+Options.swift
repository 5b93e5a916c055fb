extension ScenarioDerivation {
    /// What the derivation names and checks against.
    package struct Options: Sendable {
        /// The scenario's `name`. Default: `derived`.
        package var name: String
        /// The file name the leftover cassette is written under, beside the scenario (the
        /// scenario's `cassettes:` names it so). Default: `<name>-unsimulated.yaml`.
        package var leftoverFileName: String
        /// The catalogue each product's category is checked against (and named in the scenario
        /// when it is not the built-in one). Default: the built-in catalogue.
        package var catalogue: Catalogue
        /// How the scenario names ``catalogue`` in its `catalogue:` key (a path relative to the
        /// scenario file, or absolute); nil writes no key (the built-in catalogue). Default: nil.
        package var catalogueReference: String?
        /// The bounds on the input. Default: ``Limits/init(maximumCassettes:maximumInteractions:)``'s.
        package var limits: Limits

        /// Creates options; the defaults derive a scenario named `derived` on the built-in catalogue.
        package init(
            name: String = "derived",
            leftoverFileName: String? = nil,
            catalogue: Catalogue = .builtIn,
            catalogueReference: String? = nil,
            limits: Limits = Limits()
        ) {
            self.name = name
            self.leftoverFileName = leftoverFileName ?? "\(name)-unsimulated.yaml"
            self.catalogue = catalogue
            self.catalogueReference = catalogueReference
            self.limits = limits
        }
    }

    /// The bounds on what one derivation reads; its cost is linear in the interactions under them.
    package struct Limits: Sendable, Hashable {
        /// The most cassettes one derivation reads. Default: 100.
        package var maximumCassettes: Int
        /// The most interactions, all cassettes together. Default: 1,000,000 (ten cassettes of
        /// the 100,000 interactions a 27 MB recording holds).
        package var maximumInteractions: Int

        /// Creates limits.
        package init(maximumCassettes: Int = 100, maximumInteractions: Int = 1_000_000) {
            self.maximumCassettes = maximumCassettes
            self.maximumInteractions = maximumInteractions
        }
    }
}
