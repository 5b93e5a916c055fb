import Foundation

/// A product in the simulated shop at the moment the scenario starts.
public struct Product: Sendable, Hashable {
    /// The lifecycle status of a product, as the Product API spells it.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Saved, not submitted.
        case draft = "DRAFT"
        /// In audit.
        case pending = "PENDING"
        /// Refused by the audit.
        case failed = "FAILED"
        /// Live: the only status the upgrade task moves.
        case activate = "ACTIVATE"
        /// Taken down by the seller.
        case sellerDeactivated = "SELLER_DEACTIVATED"
        /// Taken down by the platform.
        case platformDeactivated = "PLATFORM_DEACTIVATED"
        /// Frozen: cannot be edited.
        case freeze = "FREEZE"
        /// Deleted: cannot be edited, left out of "ALL" searches.
        case deleted = "DELETED"
    }

    /// The product id, a numeric string.
    public var id: String
    /// The id of the shop that sells it.
    public var shopID: String
    /// The product title.
    public var title: String
    /// The leaf category id the product is listed under.
    public var categoryID: String
    /// The tree `categoryID` belongs to.
    public var categoryVersion: CategoryVersion
    /// The brand, if any.
    public var brandID: String?
    /// The lifecycle status.
    public var status: Status
    /// How long before the scenario's start the product went live (its age at the start).
    public var liveFor: HumanDuration
    /// The product attributes it was listed with: attribute id → value ids.
    public var attributes: [String: [String]]
    /// The other markets holding a replica of it (local replication): an edit that changes its
    /// category must sync these through `replicated_products`.
    public var replicatedTo: [Region]

    /// Creates a product.
    public init(
        id: String,
        shopID: String,
        title: String,
        categoryID: String,
        categoryVersion: CategoryVersion = .v1,
        brandID: String? = nil,
        status: Status,
        liveFor: HumanDuration,
        attributes: [String: [String]] = [:],
        replicatedTo: [Region] = []
    ) {
        self.id = id
        self.shopID = shopID
        self.title = title
        self.categoryID = categoryID
        self.categoryVersion = categoryVersion
        self.brandID = brandID
        self.status = status
        self.liveFor = liveFor
        self.attributes = attributes
        self.replicatedTo = replicatedTo
    }
}

/// The file form of a product: the shop may be left out when the scenario has one shop.
struct ProductEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, shop, title, status, attributes
        case replicatedTo = "replicated_to"
        case categoryID = "category_id"
        case categoryVersion = "category_version"
        case brandID = "brand_id"
        case liveFor = "live_for"
    }

    var id: String
    var shop: String?
    var title: String
    var categoryID: String
    var categoryVersion: CategoryVersion
    var brandID: String?
    var status: Product.Status
    var liveFor: HumanDuration
    var attributes: [String: [String]]
    var replicatedTo: [Region]

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.id = try container.required(String.self, forKey: .id) ?? ""
        self.shop = try container.optional(String.self, forKey: .shop)
        self.title = try container.required(String.self, forKey: .title) ?? ""
        self.categoryID = try container.required(String.self, forKey: .categoryID) ?? ""
        self.categoryVersion = try container.optional(oneOf: CategoryVersion.self, forKey: .categoryVersion) ?? .v1
        self.brandID = try container.optional(String.self, forKey: .brandID)
        self.status = try container.optional(oneOf: Product.Status.self, forKey: .status) ?? .activate
        self.liveFor = try container.optional(HumanDuration.self, forKey: .liveFor) ?? HumanDuration(seconds: 7 * 86_400)
        let attributes = try container.list(of: ProductAttributeEntry.self, forKey: .attributes)?.compactMap { $0 } ?? []
        self.attributes = Dictionary(attributes.map { ($0.id, $0.values) }, uniquingKeysWith: { first, second in first + second })
        self.replicatedTo = try container.list(oneOf: Region.self, forKey: .replicatedTo)?.compactMap { $0 } ?? []
    }
}

/// The file form of a product attribute: `{id: "100201", values: ["1000707"]}`, the shape of
/// Create Product's `product_attributes` with value ids.
struct ProductAttributeEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, values
    }

    var id: String
    var values: [String]

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.id = try container.required(String.self, forKey: .id) ?? ""
        self.values = try container.list(of: String.self, forKey: .values)?.compactMap { $0 } ?? []
    }
}
