/// One operation of the TikTok Shop API the fake knows: its path, method and the conventions
/// that the gateway, the router and the contract clauses all read from this one table.
public struct Operation: Sendable, Hashable {
    /// Where an operation takes `category_version`.
    public enum CategoryVersionLocation: String, Sendable, Hashable {
        /// The operation has no `category_version`.
        case none
        /// In the query string (the four GETs).
        case query
        /// In the JSON body (recommend, create, edit, search).
        case body
    }

    /// A stable id, such as `get_categories`, used in the journal and the contract.
    public let id: String
    /// The HTTP method.
    public let method: String
    /// The path with `{name}` placeholders, such as `/product/202309/products/{product_id}`.
    public let pathTemplate: String
    /// Whether the operation acts on one shop and so requires `shop_cipher`.
    public let isShopScoped: Bool
    /// Where the operation takes `category_version`.
    public let categoryVersion: CategoryVersionLocation

    init(_ id: String, _ method: String, _ pathTemplate: String, shopScoped: Bool, categoryVersion: CategoryVersionLocation = .none) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
        self.isShopScoped = shopScoped
        self.categoryVersion = categoryVersion
    }
}

extension Operation {
    /// Every operation the fake serves (reference sections 1, 3 and 4).
    public static let all: [Operation] = [
        Operation("get_authorized_shops", "GET", "/authorization/202309/shops", shopScoped: false),
        Operation("get_categories", "GET", "/product/202309/categories", shopScoped: true, categoryVersion: .query),
        Operation("recommend_category", "POST", "/product/202309/categories/recommend", shopScoped: true, categoryVersion: .body),
        Operation("get_category_rules", "GET", "/product/202309/categories/{category_id}/rules", shopScoped: true, categoryVersion: .query),
        Operation("get_attributes", "GET", "/product/202309/categories/{category_id}/attributes", shopScoped: true, categoryVersion: .query),
        Operation("get_brands", "GET", "/product/202309/brands", shopScoped: true, categoryVersion: .query),
        Operation("create_custom_brands", "POST", "/product/202309/brands", shopScoped: false),
        Operation("create_product", "POST", "/product/202309/products", shopScoped: true, categoryVersion: .body),
        Operation("edit_product", "PUT", "/product/202309/products/{product_id}", shopScoped: true, categoryVersion: .body),
        Operation("edit_product_202509", "PUT", "/product/202509/products/{product_id}", shopScoped: true, categoryVersion: .body),
        Operation("get_product", "GET", "/product/202309/products/{product_id}", shopScoped: true),
        Operation("search_products", "POST", "/product/202502/products/search", shopScoped: true, categoryVersion: .body),
        Operation("create_category_upgrade_task", "POST", "/product/202407/products/category_upgrade_task", shopScoped: true),
        Operation("get_shop_webhooks", "GET", "/event/202309/webhooks", shopScoped: true),
        Operation("update_shop_webhook", "PUT", "/event/202309/webhooks", shopScoped: true),
        Operation("delete_shop_webhook", "DELETE", "/event/202309/webhooks", shopScoped: true),
    ]
}
