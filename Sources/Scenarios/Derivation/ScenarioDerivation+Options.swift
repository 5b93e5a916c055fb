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
        /// What to do with a product whose category the catalogue does not have. Default:
        /// ``UnknownCategories/leaveOut``.
        package var unknownCategories: UnknownCategories
        /// Which answer about a product wins when several disagree. Default: ``Precedence/latest``.
        package var precedence: Precedence

        /// Creates options; the defaults derive a scenario named `derived` on the built-in catalogue.
        package init(
            name: String = "derived",
            leftoverFileName: String? = nil,
            catalogue: Catalogue = .builtIn,
            catalogueReference: String? = nil,
            limits: Limits = Limits(),
            unknownCategories: UnknownCategories = .leaveOut,
            precedence: Precedence = .latest
        ) {
            self.name = name
            self.leftoverFileName = leftoverFileName ?? "\(name)-unsimulated.yaml"
            self.catalogue = catalogue
            self.catalogueReference = catalogueReference
            self.limits = limits
            self.unknownCategories = unknownCategories
            self.precedence = precedence
        }
    }

    /// Which answer about a product wins when several disagree (a product upgraded during the
    /// recording was on v1 in the first answers and on v2 in the last).
    package enum Precedence: Sendable, Hashable {
        /// The shop as the recording leaves it: later answers win.
        case latest
        /// The shop as the recording found it: earlier answers win, and the first search that
        /// found a product on a tree says which tree it started on. `conform` replays the
        /// recording from its start, so it derives this way.
        case earliest
    }

    /// What to do with a product whose category the catalogue does not have as a leaf (a real
    /// shop's TikTok category ids the built-in catalogue may lack).
    package enum UnknownCategories: Sendable, Hashable {
        /// Leave the product out, with a comment saying what to do.
        case leaveOut
        /// Keep the product on a stand-in leaf of the same tree: the first v1 leaf the market's
        /// upgrade map moves (sorted by id) or the v2 leaf it moves to, so that an upgrade moves
        /// it as it moved the real one. Every recorded category id the catalogue lacks gets one
        /// (``Result/categoryStandIns``): `conform` sends the recorded requests with them.
        case standIn
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
