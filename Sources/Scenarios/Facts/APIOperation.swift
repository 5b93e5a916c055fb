/// One operation of the TikTok Shop API the fake knows: its path, method and the conventions
/// that the gateway, the simulator, the stubs, lint and the contract clauses all read from
/// this one table (reference sections 1, 3 and 4).
///
/// Compare and switch by value (`case .searchProducts:`), never by the id's text.
public struct APIOperation: Sendable, Hashable, Identifiable {
    /// Where an operation takes `category_version`.
    public enum CategoryVersionLocation: String, Sendable, Hashable {
        /// The operation has no `category_version`.
        case none
        /// In the query string (the four GETs).
        case query
        /// In the JSON body (recommend, create, edit, search).
        case body
    }

    /// A stable id, such as `get_categories`, used in the journal, stubs and the contract.
    public let id: String
    /// The HTTP method.
    public let method: String
    /// The path with `{name}` placeholders, such as `/product/202309/products/{product_id}`.
    public let pathTemplate: String
    /// Whether the operation acts on one shop and so requires `shop_cipher`.
    public let isShopScoped: Bool
    /// Where the operation takes `category_version`.
    public let categoryVersion: CategoryVersionLocation
    /// Whether `category_version` may name either tree on purpose: absent means both trees,
    /// and `v1` finds the products not yet upgraded (Search Products).
    public let searchesEitherTree: Bool
    /// Whether the simulator answers the operation; the others are answered by stubs or
    /// cassettes only.
    public let isSimulated: Bool

    init(
        _ id: String,
        _ method: String,
        _ pathTemplate: String,
        shopScoped: Bool,
        categoryVersion: CategoryVersionLocation = .none,
        searchesEitherTree: Bool = false,
        simulated: Bool = true
    ) {
        self.id = id
        self.method = method
        self.pathTemplate = pathTemplate
        self.isShopScoped = shopScoped
        self.categoryVersion = categoryVersion
        self.searchesEitherTree = searchesEitherTree
        self.isSimulated = simulated
    }

    /// The same operation: ids are unique in the table (``all``), and the only operations are
    /// the table's, so the id alone decides (a `switch` over operations compares one string).
    public static func == (lhs: APIOperation, rhs: APIOperation) -> Bool {
        lhs.id == rhs.id
    }

    /// Hashes the id alone, as ``==`` compares it.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    /// Whether the operation is one of the listing APIs that carry `category_version`.
    public var isListing: Bool { categoryVersion != .none }

    /// The operation with an id, if the table has one.
    public static func named(_ id: String) -> APIOperation? {
        byID[id]
    }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

extension APIOperation {
    /// Get Authorized Shops: the shops and their ciphers.
    public static let getAuthorizedShops = APIOperation("get_authorized_shops", "GET", "/authorization/202309/shops", shopScoped: false)
    /// Get Categories.
    public static let getCategories = APIOperation(
        "get_categories",
        "GET",
        "/product/202309/categories",
        shopScoped: true,
        categoryVersion: .query
    )
    /// Recommend Category.
    public static let recommendCategory = APIOperation(
        "recommend_category",
        "POST",
        "/product/202309/categories/recommend",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Get Category Rules.
    public static let getCategoryRules = APIOperation(
        "get_category_rules",
        "GET",
        "/product/202309/categories/{category_id}/rules",
        shopScoped: true,
        categoryVersion: .query
    )
    /// Get Attributes.
    public static let getAttributes = APIOperation(
        "get_attributes",
        "GET",
        "/product/202309/categories/{category_id}/attributes",
        shopScoped: true,
        categoryVersion: .query
    )
    /// Get Brands.
    public static let getBrands = APIOperation("get_brands", "GET", "/product/202309/brands", shopScoped: true, categoryVersion: .query)
    /// Create Custom Brands (not simulated).
    public static let createCustomBrands = APIOperation("create_custom_brands", "POST", "/product/202309/brands", shopScoped: false, simulated: false)
    /// Create Product.
    public static let createProduct = APIOperation("create_product", "POST", "/product/202309/products", shopScoped: true, categoryVersion: .body)
    /// Edit Product, version 202309.
    public static let editProduct = APIOperation(
        "edit_product",
        "PUT",
        "/product/202309/products/{product_id}",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Edit Product, version 202509.
    public static let editProduct202509 = APIOperation(
        "edit_product_202509",
        "PUT",
        "/product/202509/products/{product_id}",
        shopScoped: true,
        categoryVersion: .body
    )
    /// Get Product.
    public static let getProduct = APIOperation("get_product", "GET", "/product/202309/products/{product_id}", shopScoped: true)
    /// Search Products, version 202502.
    public static let searchProducts = APIOperation(
        "search_products",
        "POST",
        "/product/202502/products/search",
        shopScoped: true,
        categoryVersion: .body,
        searchesEitherTree: true
    )
    /// Create Category Upgrade Task.
    public static let createCategoryUpgradeTask = APIOperation(
        "create_category_upgrade_task",
        "POST",
        "/product/202407/products/category_upgrade_task",
        shopScoped: true
    )
    /// Get Shop Webhooks.
    public static let getShopWebhooks = APIOperation("get_shop_webhooks", "GET", "/event/202309/webhooks", shopScoped: true)
    /// Update Shop Webhook.
    public static let updateShopWebhook = APIOperation("update_shop_webhook", "PUT", "/event/202309/webhooks", shopScoped: true)
    /// Delete Shop Webhook.
    public static let deleteShopWebhook = APIOperation("delete_shop_webhook", "DELETE", "/event/202309/webhooks", shopScoped: true)

    /// The operations of the L7 contract (reference sections 1, 3 and 4), in the reference's order.
    static let listingAPI: [APIOperation] = [
        getAuthorizedShops, getCategories, recommendCategory, getCategoryRules, getAttributes, getBrands, createCustomBrands,
        createProduct, editProduct, editProduct202509, getProduct, searchProducts, createCategoryUpgradeTask, getShopWebhooks,
        updateShopWebhook, deleteShopWebhook,
    ]

    /// Every operation the fake knows: the L7 operations first, then the rest of the product API.
    public static let all: [APIOperation] = listingAPI + productAPI

    /// The operations that write a product's category (Create, both Edit and both Partial Edit versions).
    public var writesProduct: Bool {
        self == .createProduct || self == .editProduct || self == .editProduct202509 || isPartialEdit
    }

    /// Whether the operation sends only the fields it changes (Partial Edit): `category_version`
    /// is then required only alongside a `category_id`.
    public var isPartialEdit: Bool { self == .partialEditProduct || self == .partialEditProduct202309 }
}
