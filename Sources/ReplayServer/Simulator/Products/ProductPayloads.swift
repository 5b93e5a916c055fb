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
    /// Create and Edit; Partial Edit's answer has no warnings (the SDK's model, the docs' example).
    var warnings: [Warning]?
    /// Edit only.
    var audit: Audit?

    enum CodingKeys: String, CodingKey {
        case skus, warnings, audit
        case productID = "product_id"
    }

    /// - Parameter warnings: nil leaves the field out.
    init(_ product: ProductState, warnings: [String]?, includesAudit: Bool) {
        self.productID = product.id
        self.skus = product.skus.map { sku in
            SKU(
                id: sku.id ?? "",
                sellerSKU: sku.sellerSKU ?? "",
                salesAttributes: (sku.salesAttributes ?? []).map { SalesAttribute(id: $0.id ?? "", valueID: $0.valueID ?? "") },
                externalSKUID: sku.externalSKUID ?? ""
            )
        }
        self.warnings = warnings?.map(Warning.init)
        self.audit = includesAudit ? Audit(status: product.auditStatus) : nil
    }
}

/// A SKU as Get Product and Search Products show it: the SKU as sent, with the platform's
/// ids, prices and status added.
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

    struct StatusInfo: Encodable, Sendable {
        var status: String
    }

    struct SalesAttribute: Encodable, Sendable {
        var id: String
        var name: String
        var valueID: String
        var valueName: String
        var skuImage: ImageView?
        var supplementarySKUImages: [ImageView]?

        enum CodingKeys: String, CodingKey {
            case id, name
            case valueID = "value_id"
            case valueName = "value_name"
            case skuImage = "sku_img"
            case supplementarySKUImages = "supplementary_sku_images"
        }
    }

    /// The SKU fields Search Products shows back as sent (Get Product shows all of ``ProductDraft/SKU/echoedKeys``).
    static let searchEchoedKeys: Set<String> = ["list_price", "external_list_prices", "pre_sale", "fees"]

    var id: String
    var sellerSKU: String
    var price: Price
    var inventory: [ProductDraft.Inventory]
    var statusInfo: StatusInfo
    var salesAttributes: [SalesAttribute]?
    var externalSKUID: String?

    enum CodingKeys: String, CodingKey {
        case id, price, inventory
        case sellerSKU = "seller_sku"
        case statusInfo = "status_info"
        case salesAttributes = "sales_attributes"
        case externalSKUID = "external_sku_id"
    }

    /// - Parameter detailed: Get Product's view (sales attributes, external SKU id); Search
    ///   Products shows less.
    init(_ sku: ProductDraft.SKU, currency: String, detailed: Bool = false) {
        let amount = sku.price?.amount ?? sku.price?.salePrice ?? "0"
        self.id = sku.id ?? ""
        self.sellerSKU = sku.sellerSKU ?? ""
        self.price = Price(currency: sku.price?.currency ?? currency, salePrice: amount, taxExclusivePrice: amount)
        self.inventory = sku.inventory ?? []
        self.statusInfo = StatusInfo(status: "NORMAL")
        guard detailed else { return }
        self.salesAttributes = (sku.salesAttributes ?? []).map { attribute in
            SalesAttribute(
                id: attribute.id ?? "",
                name: attribute.name ?? "",
                valueID: attribute.valueID ?? "",
                valueName: attribute.valueName ?? "",
                skuImage: attribute.skuImage.map(ImageView.init),
                supplementarySKUImages: attribute.supplementarySKUImages?.map(ImageView.init)
            )
        }
        // Get Product sends it empty when the seller gave none, as the docs' example does.
        self.externalSKUID = sku.externalSKUID ?? ""
    }

    /// The view with the fields the client sent kept as sent.
    static func echoing(_ sku: ProductDraft.SKU, currency: String, detailed: Bool) -> EchoedFields<SKUView> {
        let fields = detailed ? sku.echoed : sku.echoed.filter { searchEchoedKeys.contains($0.key) }
        return EchoedFields(SKUView(sku, currency: currency, detailed: detailed), fields: fields)
    }
}

/// An image as the read APIs show it: the uri sent, with URLs on the image CDN.
struct ImageView: Encodable, Sendable {
    var uri: String
    var urls: [String]
    var thumbURLs: [String]
    var height: Int
    var width: Int

    enum CodingKeys: String, CodingKey {
        case uri, urls, height, width
        case thumbURLs = "thumb_urls"
    }

    init(_ image: ProductDraft.Image) {
        self.uri = image.uri
        self.urls = [ImageURL.origin(image.uri)]
        self.thumbURLs = [ImageURL.thumbnail(image.uri)]
        self.height = 800
        self.width = 800
    }
}

/// The `data` of Get Product (`GetProductResponseData` in the SDK): what Create or Edit
/// accepted, with names, URLs and the platform's fields added. The fields kept as sent
/// (``ProductDraft/echoedKeys``) are added by ``ProductDetail/echoing(_:market:)``.
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

    typealias Audit = ProductAuditPayload

    struct CertificationFile: Encodable, Sendable {
        var id: String
        var name: String
        var format: String
        var urls: [String]
    }

    struct Certification: Encodable, Sendable {
        var id: String
        var title: String
        var images: [ImageView]
        var files: [CertificationFile]
        var expirationDate: Int64?

        enum CodingKeys: String, CodingKey {
            case id, title, images, files
            case expirationDate = "expiration_date"
        }
    }

    struct SizeChart: Encodable, Sendable {
        var image: ImageView?
        var template: ProductDraft.SizeChartTemplate?
    }

    struct DeliveryOption: Encodable, Sendable {
        var id: String
        var name: String
        var isAvailable: Bool

        enum CodingKeys: String, CodingKey {
            case id, name
            case isAvailable = "is_available"
        }
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
    var skus: [EchoedFields<SKUView>]
    var mainImages: [ImageView]
    var certifications: [Certification]
    var sizeChart: SizeChart?
    var manufacturerIDs: [String]
    var responsiblePersonIDs: [String]
    var deliveryOptions: [DeliveryOption]
    var createTime: Int64
    var updateTime: Int64
    var isReplicated: Bool
    var hasDraft: Bool

    enum CodingKeys: String, CodingKey {
        case id, title, description, status, audit, brand, skus, certifications
        case categoryChains = "category_chains"
        case auditFailedReasons = "audit_failed_reasons"
        case productAttributes = "product_attributes"
        case mainImages = "main_images"
        case sizeChart = "size_chart"
        case manufacturerIDs = "manufacturer_ids"
        case responsiblePersonIDs = "responsible_person_ids"
        case deliveryOptions = "delivery_options"
        case createTime = "create_time"
        case updateTime = "update_time"
        case isReplicated = "is_replicated"
        case hasDraft = "has_draft"
    }

    /// The view with the fields the client sent kept as sent.
    static func echoing(_ product: ProductState, market: MarketCatalogue) -> EchoedFields<ProductDetail> {
        EchoedFields(ProductDetail(product, market: market), fields: product.echoed)
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
        let certificationNames = Dictionary(
            (details?.rules["product_certifications"]?.array ?? []).compactMap { rule in rule["id"]?.string.map { ($0, rule["name"]?.string ?? "") }
            },
            uniquingKeysWith: { first, _ in first }
        )
        self.id = product.id
        self.title = product.title
        self.description = product.description
        self.status = product.status.rawValue
        self.audit = Audit(status: product.auditStatus, preApprovedReasons: [])
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
        self.skus = product.skus.map { SKUView.echoing($0, currency: market.currency, detailed: true) }
        self.mainImages = product.mainImages.map(ImageView.init)
        self.certifications = product.certifications.map { certification in
            Certification(
                id: certification.id,
                title: certificationNames[certification.id] ?? "",
                images: (certification.images ?? []).map(ImageView.init),
                files: (certification.files ?? []).map { file in
                    CertificationFile(
                        id: file.id,
                        name: file.name ?? "",
                        format: file.format ?? "",
                        urls: ["https://p16-oec-eu.ibyteimg.com/obj/\(file.id)"]
                    )
                },
                expirationDate: certification.expirationDate
            )
        }
        self.sizeChart = product.sizeChart.map { SizeChart(image: $0.image.map(ImageView.init), template: $0.template) }
        self.manufacturerIDs = product.manufacturerIDs
        self.responsiblePersonIDs = product.responsiblePersonIDs
        self.deliveryOptions = product.deliveryOptionIDs.map { DeliveryOption(id: $0, name: "", isAvailable: true) }
        self.createTime = product.createTime
        self.updateTime = product.updateTime
        self.isReplicated = !product.replicaRegions.isEmpty
        self.hasDraft = false
    }
}

/// A product as Search Products lists it.
struct ProductSearchEntry: Encodable, Sendable {
    typealias Audit = ProductAuditPayload

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
    var skus: [EchoedFields<SKUView>]
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
        self.skus = product.skus.map { SKUView.echoing($0, currency: market.currency, detailed: false) }
        self.salesRegions = [market.region.rawValue]
        self.createTime = product.createTime
        self.updateTime = product.updateTime
        self.recommendedCategories = []
        self.audit = Audit(status: product.auditStatus, preApprovedReasons: [])
        self.hasDraft = false
        self.isNotForSale = product.echoed["is_not_for_sale"]?.bool ?? false
        self.productSyncFailReasons = []
    }
}

/// A product's `audit` as Get Product and Search Products give it: its status, and the reasons
/// it was pre-approved (the SDK's models and the docs' examples send the list; the simulator
/// pre-approves nothing, so it is empty).
struct ProductAuditPayload: Encodable, Sendable {
    var status: String
    var preApprovedReasons: [String]

    enum CodingKeys: String, CodingKey {
        case status
        case preApprovedReasons = "pre_approved_reasons"
    }
}
