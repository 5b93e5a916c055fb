/// One node of a category tree, exactly as Get Categories lists it.
public struct Category: Sendable, Hashable, Codable {
    /// Whether and how a shop may list in a category.
    public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
        /// Open to every shop.
        case available = "AVAILABLE"
        /// Restricted: the shop must qualify first.
        case inviteOnly = "INVITE_ONLY"
        /// Outside the shop's main category.
        case nonMainCategory = "NON_MAIN_CATEGORY"
        /// Not allowed in this market.
        case prohibited = "PROHIBITED"
    }

    /// The category id, a 6-digit string.
    public var id: String
    /// The parent's id, `"0"` for a root.
    public var parentID: String
    /// The name in the market's locale.
    public var localName: String
    /// Whether products can be listed here (only leaves can).
    public var isLeaf: Bool
    /// The permissions, never empty.
    public var permissionStatuses: [Permission]

    enum CodingKeys: String, CodingKey {
        case id
        case parentID = "parent_id"
        case localName = "local_name"
        case isLeaf = "is_leaf"
        case permissionStatuses = "permission_statuses"
    }

    /// Creates a category.
    public init(id: String, parentID: String, localName: String, isLeaf: Bool, permissionStatuses: [Permission]) {
        self.id = id
        self.parentID = parentID
        self.localName = localName
        self.isLeaf = isLeaf
        self.permissionStatuses = permissionStatuses
    }

    /// Whether the category is PROHIBITED.
    public var isProhibited: Bool { permissionStatuses.contains(.prohibited) }
}
