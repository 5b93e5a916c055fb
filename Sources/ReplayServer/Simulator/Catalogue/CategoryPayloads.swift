import Scenarios

/// The `data` of Get Categories.
struct CategoryList: Encodable, Sendable {
    var categories: [Category]
}

/// The `data` of Recommend Category.
struct RecommendedCategory: Encodable, Sendable {
    struct Level: Encodable, Sendable {
        var id: String
        var name: String
        var level: Int
        var isLeaf: Bool
        var permissionStatuses: [Category.Permission]

        enum CodingKeys: String, CodingKey {
            case id, name, level
            case isLeaf = "is_leaf"
            case permissionStatuses = "permission_statuses"
        }
    }

    var leafCategoryID: String
    var categories: [Level]

    enum CodingKeys: String, CodingKey {
        case categories
        case leafCategoryID = "leaf_category_id"
    }
}

/// The `data` of Get Attributes.
struct AttributeList: Encodable, Sendable {
    var attributes: [JSONValue]
}

/// The `data` of Get Brands.
struct BrandPage: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var id: String
        var name: String
        var authorizedStatus: String
        var isT1Brand: Bool
        var brandStatus: String

        enum CodingKeys: String, CodingKey {
            case id, name
            case authorizedStatus = "authorized_status"
            case isT1Brand = "is_t1_brand"
            case brandStatus = "brand_status"
        }

        init(_ brand: Brand) {
            self.id = brand.id
            self.name = brand.name
            self.authorizedStatus = brand.authorizedStatus
            self.isT1Brand = brand.isT1Brand
            self.brandStatus = brand.brandStatus
        }
    }

    var brands: [Entry]
    var totalCount: Int
    var nextPageToken: String

    enum CodingKeys: String, CodingKey {
        case brands
        case totalCount = "total_count"
        case nextPageToken = "next_page_token"
    }
}
