/// A brand as Get Brands lists it, plus the root categories it sells in.
public struct Brand: Sendable, Hashable, Codable {
    /// The brand id, a 19-digit string.
    public var id: String
    /// The brand name.
    public var name: String
    /// `AUTHORIZED` or `UNAUTHORIEZD` (the API's own spelling).
    public var authorizedStatus: String
    /// Whether the brand is a tier-1 brand.
    public var isT1Brand: Bool
    /// `AVAILABLE` or `UNAVAILABLE`.
    public var brandStatus: String
    /// The root category ids the brand may be used in; empty for every category. Not served.
    public var categoryIDs: [String]

    enum CodingKeys: String, CodingKey {
        case id, name
        case authorizedStatus = "authorized_status"
        case isT1Brand = "is_t1_brand"
        case brandStatus = "brand_status"
        case categoryIDs = "category_ids"
    }

    /// Whether the shop is authorised to sell this brand.
    public var isAuthorized: Bool { authorizedStatus == "AUTHORIZED" }

    /// Whether the brand can be used under a category whose root is `rootID`.
    public func covers(rootID: String) -> Bool {
        categoryIDs.isEmpty || categoryIDs.contains(rootID)
    }
}
