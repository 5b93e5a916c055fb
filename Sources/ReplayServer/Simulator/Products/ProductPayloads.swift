import Scenarios

/// The `data` of Create Product and Edit Product.
struct ProductSaved: Encodable, Sendable {
    struct SKU: Encodable, Sendable {
        var id: String
        var sellerSKU: String
        var salesAttributes: [SalesAttribute]
        var externalSKUID: String

        enum CodingKeys: String, CodingKey {
            case id
            case sellerSKU = "seller_sku"
            case salesAttributes = "sales_attributes"
            case externalSKUID = "external_sku_id"
        }
    }

    struct SalesAttribute: Encodable, Sendable {
        var id: String
        var valueID: String

        enum CodingKeys: String, CodingKey {
            case id
            case valueID = "value_id"
        }
    }

    struct Warning: Encodable, Sendable {
        var message: String
    }

    struct Audit: Encodable, Sendable {
        var status: String
    }

    var productID: String
    var skus: [SKU]
    var warnings: [Warning]
    /// Edit only.
    var audit: Audit?

    enum CodingKeys: String, CodingKey {
        case skus, warnings, audit
        case productID = "product_id"
    }

    init(_ product: ProductState, warnings: [String], includesAudit: Bool) {
        self.productID = product.id
        self.skus = product.skus.map { sku in
            SKU(
                id: sku.id ?? "",
                sellerSKU: sku.sellerSKU ?? "",
                salesAttributes: (sku.salesAttributes ?? []).map { SalesAttribute(id: $0.id ?? "", valueID: $0.valueID ?? "") },
                externalSKUID: sku.externalSKUID ?? ""
            )
        }
        self.warnings = warnings.map(Warning.init)
        self.audit = includesAudit ? Audit(status: product.auditStatus) : nil
    }
}

/// A SKU as Get Product and Search Products show it.
struct SKUView: Encodable, Sendable {
    struct Price: Encodable, Sendable {
        var currency: String
        var salePrice: String
        var taxExclusivePrice: String

        enum CodingKeys: String, CodingKey {
            case currency
            case salePrice = "sale_price"
            case taxExclusivePrice = "tax_exclusive_price"
        }
    }

    struct Inventory: Encodable, Sendable {
        var warehouseID: String
        var quantity: Int

        enum CodingKeys: String, CodingKey {
            case quantity
            case warehouseID = "warehouse_id"
        }
    }

    struct StatusInfo: Encodable, Sendable {
        var status: String
    }

    var id: String
    var sellerSKU: String
    var price: Price
    var inventory: [Inventory]
    var statusInfo: StatusInfo

    enum CodingKeys: String, CodingKey {
        case id, price, inventory
        case sellerSKU = "seller_sku"
        case statusInfo = "status_info"
    }

    init(_ sku: ProductDraft.SKU, currency: String) {
        let amount = sku.price?.amount ?? sku.price?.salePrice ?? "0"
        self.id = sku.id ?? ""
        self.sellerSKU = sku.sellerSKU ?? ""
        self.price = Price(currency: sku.price?.currency ?? currency, salePrice: amount, taxExclusivePrice: amount)
        self.inventory = (sku.inventory ?? []).map { Inventory(warehouseID: $0.warehouseID, quantity: $0.quantity) }
        self.statusInfo = StatusInfo(status: "NORMAL")
    }
}

/// The `data` of Get Product.
struct ProductDetail: Encodable, Sendable {
    struct ChainLink: Encodable, Sendable {
        var id: String
        var parentID: String
        var localName: String
        var isLeaf: Bool

        enum CodingKeys: String, CodingKey {
            case id
            case parentID = "parent_id"
            case localName = "local_name"
            case isLeaf = "is_leaf"
        }
    }

    struct NamedValue: Encodable, Sendable {
        var id: String
        var name: String
    }

    struct Attribute: Encodable, Sendable {
        var id: String
        var name: String
        var values: [NamedValue]
    }

    struct Image: Encodable, Sendable {
        var uri: String
        var urls: [String]
        var height: Int
        var width: Int
    }

    struct Audit: Encodable, Sendable {
        var status: String
    }

    var id: String
    var title: String
    var description: String
    var status: String
    var audit: Audit
    var auditFailedReasons: [AuditFailedReason]
    var categoryChains: [ChainLink]
    var brand: NamedValue?
    var productAttributes: [Attribute]
    var skus: [SKUView]
    var mainImages: [Image]
    var packageWeight: JSONValue?
    var packageDimensions: JSONValue?
    var createTime: Int64
    var updateTime: Int64
    var isReplicated: Bool
    var hasDraft: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, description, status, audit, brand, skus
        case categoryChains = "category_chains"
        case auditFailedReasons = "audit_failed_reasons"
        case productAttributes = "product_attributes"
        case mainImages = "main_images"
        case packageWeight = "package_weight"
        case packageDimensions = "package_dimensions"
        case createTime = "create_time"
        case updateTime = "update_time"
        case isReplicated = "is_replicated"
        case hasDraft = "has_draft"
    }

    init(_ product: ProductState, market: MarketCatalogue) {
        let details = market.leaves[product.categoryID]
        func attributeName(_ id: String) -> String {
            details?.attributes.first { $0["id"]?.string == id }?["name"]?.string ?? id
        }
        func valueName(_ attributeID: String, _ value: ProductDraft.AttributeValue) -> String {
            if let name = value.name { return name }
            let values = details?.attributes.first { $0["id"]?.string == attributeID }?["values"]?.array ?? []
            return values.first { $0["id"]?.string == value.id }?["name"]?.string ?? (value.id ?? "")
        }
        self.id = product.id
        self.title = product.title
        self.description = product.description
        self.status = product.status.rawValue
        self.audit = Audit(status: product.auditStatus)
        self.auditFailedReasons = product.auditFailedReasons
        self.categoryChains = market.tree(product.categoryVersion).path(to: product.categoryID).map {
            ChainLink(id: $0.id, parentID: $0.parentID, localName: $0.localName, isLeaf: $0.isLeaf)
        }
        self.brand = product.brandID.map { id in NamedValue(id: id, name: market.brands.first { $0.id == id }?.name ?? "") }
        self.productAttributes = product.attributes.map { attribute in
            Attribute(
                id: attribute.id,
                name: attributeName(attribute.id),
                values: attribute.values.map { NamedValue(id: $0.id ?? "", name: valueName(attribute.id, $0)) }
            )
        }
        self.skus = product.skus.map { SKUView($0, currency: market.currency) }
        self.mainImages = product.mainImages.map {
            Image(uri: $0.uri, urls: ["https://p16-oec-eu.ibyteimg.com/\($0.uri)~tplv-o3syd03w52-origin-jpeg.jpeg"], height: 800, width: 800)
        }
        self.packageWeight = product.packageWeight
        self.packageDimensions = product.packageDimensions
        self.createTime = product.createTime
        self.updateTime = product.updateTime
        self.isReplicated = false
        self.hasDraft = false
    }
}

/// A product as Search Products lists it.
struct ProductSearchEntry: Encodable, Sendable {
    struct Audit: Encodable, Sendable {
        var status: String
    }

    struct CategoryReference: Encodable, Sendable {
        var id: String
        var localName: String

        enum CodingKeys: String, CodingKey {
            case id
            case localName = "local_name"
        }
    }

    var id: String
    var title: String
    var status: String
    var skus: [SKUView]
    var salesRegions: [String]
    var createTime: Int64
    var updateTime: Int64
    var recommendedCategories: [CategoryReference]
    var audit: Audit
    var hasDraft: Bool
    var isNotForSale: Bool
    var productSyncFailReasons: [String]

    enum CodingKeys: String, CodingKey {
        case id, title, status, skus, audit
        case salesRegions = "sales_regions"
        case createTime = "create_time"
        case updateTime = "update_time"
        case recommendedCategories = "recommended_categories"
        case hasDraft = "has_draft"
        case isNotForSale = "is_not_for_sale"
        case productSyncFailReasons = "product_sync_fail_reasons"
    }

    init(_ product: ProductState, market: MarketCatalogue) {
        self.id = product.id
        self.title = product.title
        self.status = product.status.rawValue
        self.skus = product.skus.map { SKUView($0, currency: market.currency) }
        self.salesRegions = [market.region.rawValue]
        self.createTime = product.createTime
        self.updateTime = product.updateTime
        self.recommendedCategories = []
        self.audit = Audit(status: product.auditStatus)
        self.hasDraft = false
        self.isNotForSale = false
        self.productSyncFailReasons = []
    }
}
