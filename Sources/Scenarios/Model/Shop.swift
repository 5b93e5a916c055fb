/// A TikTok Shop shop the app is authorised for, as `GET /authorization/202309/shops` lists it.
public struct Shop: Sendable, Hashable {
    /// Whether the seller sells in one market or across borders.
    public enum SellerType: String, Sendable, Hashable, CaseIterable {
        /// A seller with one shop in its own country.
        case local = "LOCAL"
        /// A seller with shops in several countries; prices in `sale_price`.
        case crossBorder = "CROSS_BORDER"
    }

    /// The shop id, a numeric string.
    public var id: String
    /// The shop's display name.
    public var name: String
    /// The market, an upper-case region code such as `GB`.
    public var region: Region
    /// Local or cross-border.
    public var sellerType: SellerType
    /// The `shop_cipher` that identifies the shop on shop-scoped calls.
    public var cipher: String
    /// The shop code, such as `GBLCMT7K2Q9A`.
    public var code: String
    /// Categories (any level) the shop has qualified for, so their INVITE_ONLY and
    /// NON_MAIN_CATEGORY leaves accept its products.
    public var qualifiedCategories: Set<String>
    /// The checks of Check Listing Prerequisites the shop fails; the others pass.
    public var failingPrerequisites: [ListingPrerequisite]

    /// Creates a shop.
    public init(
        id: String,
        name: String,
        region: Region,
        sellerType: SellerType,
        cipher: String,
        code: String,
        qualifiedCategories: Set<String> = [],
        failingPrerequisites: [ListingPrerequisite] = []
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.sellerType = sellerType
        self.cipher = cipher
        self.code = code
        self.qualifiedCategories = qualifiedCategories
        self.failingPrerequisites = failingPrerequisites
    }
}

extension Shop: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, region, cipher, code
        case sellerType = "seller_type"
        case qualifiedCategories = "qualified_categories"
        case failingPrerequisites = "failing_prerequisites"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.id = try container.required(String.self, forKey: .id) ?? ""
        if container.peek(String.self, forKey: .region) == "UK" {
            try decoder.reject("the API writes the United Kingdom as GB, not UK", at: CodingKeys.region)
            self.region = .gb
        } else {
            self.region = try container.optional(oneOf: Region.self, forKey: .region) ?? .gb
        }
        self.name = try container.optional(String.self, forKey: .name) ?? "Shop \(id)"
        self.sellerType = try container.optional(oneOf: SellerType.self, forKey: .sellerType) ?? .local
        self.cipher = try container.optional(String.self, forKey: .cipher) ?? "ROW_\(id)"
        self.code = try container.optional(String.self, forKey: .code) ?? "\(region.rawValue)LC\(id.suffix(8))"
        self.qualifiedCategories = Set(try container.list(of: String.self, forKey: .qualifiedCategories)?.compactMap { $0 } ?? [])
        self.failingPrerequisites = try container.list(of: ListingPrerequisite.self, forKey: .failingPrerequisites)?.compactMap { $0 } ?? []
    }
}
