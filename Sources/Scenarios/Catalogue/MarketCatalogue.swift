/// One market's catalogue: both category trees, the map the upgrade task applies, what each
/// leaf requires, and the brands. Held by reference: the handlers of every simulated request
/// share it, and copying its parts cost a retain and a release each.
public final class MarketCatalogue: Sendable {
    /// The market.
    public let region: Region
    /// The market's locale, such as `en-GB`; the language of every name.
    public let locale: String
    /// The market's currency, such as `GBP`.
    public let currency: String
    /// The 3-level tree.
    public let v1: CategoryTree
    /// The 7-level tree.
    public let v2: CategoryTree
    /// For every v1 leaf, the v2 leaf the Category Upgrade Task moves its products to.
    public let upgradeMap: [String: String]
    /// For every leaf of both trees, its attributes, rules and keywords.
    public let leaves: [String: LeafDetails]
    /// The brands, sorted by name.
    public let brands: [Brand]

    init(
        region: Region,
        locale: String,
        currency: String,
        v1: CategoryTree,
        v2: CategoryTree,
        upgradeMap: [String: String],
        leaves: [String: LeafDetails],
        brands: [Brand]
    ) {
        self.region = region
        self.locale = locale
        self.currency = currency
        self.v1 = v1
        self.v2 = v2
        self.upgradeMap = upgradeMap
        self.leaves = leaves
        self.brands = brands
    }

    /// The tree of a version.
    public func tree(_ version: CategoryVersion) -> CategoryTree {
        version == .v1 ? v1 : v2
    }
}
