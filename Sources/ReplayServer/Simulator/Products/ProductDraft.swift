import Scenarios

/// The body of Create Product, Edit Product and Check Product Listing: what a client sends to
/// list a product.
///
/// The fields the listing rules read are typed; the other fields Get Product shows back
/// (``echoedKeys``, ``SKU/echoedKeys``) are kept as sent, so that a product read with Get
/// Product and sent back whole to Edit Product keeps every field. Every field is optional here
/// so that a missing one gets TikTok's own error code.
struct ProductDraft: Decodable, Sendable {
    struct Image: Codable, Sendable, Hashable {
        var uri: String
    }

    struct AttributeValue: Codable, Sendable, Hashable {
        var id: String?
        var name: String?
    }

    struct Attribute: Codable, Sendable, Hashable {
        var id: String
        var values: [AttributeValue]
    }

    struct Price: Codable, Sendable, Hashable {
        var amount: String?
        var currency: String
        var salePrice: String?

        enum CodingKeys: String, CodingKey {
            case amount, currency
            case salePrice = "sale_price"
        }
    }

    struct Inventory: Codable, Sendable, Hashable {
        var warehouseID: String
        var quantity: Int
        var backorderQuantity: Int?
        var handlingTime: Int?

        enum CodingKeys: String, CodingKey {
            case quantity
            case warehouseID = "warehouse_id"
            case backorderQuantity = "backorder_quantity"
            case handlingTime = "handling_time"
        }
    }

    struct SalesAttribute: Codable, Sendable, Hashable {
        var id: String?
        var name: String?
        var valueID: String?
        var valueName: String?
        var skuImage: Image?
        var supplementarySKUImages: [Image]?

        enum CodingKeys: String, CodingKey {
            case id, name
            case valueID = "value_id"
            case valueName = "value_name"
            case skuImage = "sku_img"
            case supplementarySKUImages = "supplementary_sku_images"
        }
    }

    struct SKU: Decodable, Sendable, Hashable {
        /// The SKU fields Get Product shows back as sent.
        static let echoedKeys = [
            "identifier_code", "extra_identifier_codes", "external_urls", "fees", "list_price", "external_list_prices", "pre_sale",
            "sku_dimensions", "sku_weight", "sku_unit_count", "combined_skus",
        ]

        var id: String?
        var sellerSKU: String?
        var price: Price?
        var inventory: [Inventory]?
        var salesAttributes: [SalesAttribute]?
        var externalSKUID: String?
        /// The fields of ``echoedKeys`` the client sent.
        var echoed: [String: JSONValue] = [:]

        enum CodingKeys: String, CodingKey {
            case id, price, inventory
            case sellerSKU = "seller_sku"
            case salesAttributes = "sales_attributes"
            case externalSKUID = "external_sku_id"
        }

        init(
            id: String?,
            sellerSKU: String?,
            price: Price?,
            inventory: [Inventory]?,
            salesAttributes: [SalesAttribute]?,
            externalSKUID: String?
        ) {
            self.id = id
            self.sellerSKU = sellerSKU
            self.price = price
            self.inventory = inventory
            self.salesAttributes = salesAttributes
            self.externalSKUID = externalSKUID
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.id = try container.decodeIfPresent(String.self, forKey: .id)
            self.sellerSKU = try container.decodeIfPresent(String.self, forKey: .sellerSKU)
            self.price = try container.decodeIfPresent(Price.self, forKey: .price)
            self.inventory = try container.decodeIfPresent([Inventory].self, forKey: .inventory)
            self.salesAttributes = try container.decodeIfPresent([SalesAttribute].self, forKey: .salesAttributes)
            self.externalSKUID = try container.decodeIfPresent(String.self, forKey: .externalSKUID)
            self.echoed = try FieldName.decode(Self.echoedKeys, from: decoder)
        }
    }

    struct CertificationFile: Codable, Sendable, Hashable {
        var id: String
        var name: String?
        var format: String?
    }

    struct Certification: Codable, Sendable, Hashable {
        var id: String
        var images: [Image]?
        var files: [CertificationFile]?
        var expirationDate: Int64?

        enum CodingKeys: String, CodingKey {
            case id, images, files
            case expirationDate = "expiration_date"
        }
    }

    struct SizeChartTemplate: Codable, Sendable, Hashable {
        var id: String
    }

    struct SizeChart: Codable, Sendable, Hashable {
        var image: Image?
        var template: SizeChartTemplate?
    }

    /// A local replica of the product in another market that an edit syncs (Edit Product's
    /// `replicated_products`); only the market is read.
    struct ReplicatedProduct: Codable, Sendable, Hashable {
        var region: String?
    }

    /// The product fields Get Product shows back as sent.
    static let echoedKeys = [
        "package_weight", "package_dimensions", "is_cod_allowed", "external_product_id", "video", "minimum_order_quantity",
        "is_pre_owned", "shipping_insurance_requirement", "shipping_template_id", "primary_combined_product_id", "scheduled_sale",
        "search_terms", "key_product_features", "is_not_for_sale",
    ]

    var title: String?
    var description: String?
    var categoryID: String?
    var brandID: String?
    var mainImages: [Image]?
    var productAttributes: [Attribute]?
    var skus: [SKU]?
    var certifications: [Certification]?
    var sizeChart: SizeChart?
    var manufacturerIDs: [String]?
    var responsiblePersonIDs: [String]?
    var deliveryOptionIDs: [String]?
    var replicatedProducts: [ReplicatedProduct]?
    var saveMode: String?
    /// Read for its length only: the fake does not deduplicate creates.
    var idempotencyKey: String?
    /// Read for its values only: every product of the fake is on TikTok Shop.
    var listingPlatforms: [String]?
    /// The fields of ``echoedKeys`` the client sent.
    var echoed: [String: JSONValue] = [:]

    enum CodingKeys: String, CodingKey {
        case title, description, skus, certifications
        case categoryID = "category_id"
        case brandID = "brand_id"
        case mainImages = "main_images"
        case productAttributes = "product_attributes"
        case sizeChart = "size_chart"
        case manufacturerIDs = "manufacturer_ids"
        case responsiblePersonIDs = "responsible_person_ids"
        case deliveryOptionIDs = "delivery_option_ids"
        case replicatedProducts = "replicated_products"
        case saveMode = "save_mode"
        case idempotencyKey = "idempotency_key"
        case listingPlatforms = "listing_platforms"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.title = try container.decodeIfPresent(String.self, forKey: .title)
        self.description = try container.decodeIfPresent(String.self, forKey: .description)
        self.categoryID = try container.decodeIfPresent(String.self, forKey: .categoryID)
        self.brandID = try container.decodeIfPresent(String.self, forKey: .brandID)
        self.mainImages = try container.decodeIfPresent([Image].self, forKey: .mainImages)
        self.productAttributes = try container.decodeIfPresent([Attribute].self, forKey: .productAttributes)
        self.skus = try container.decodeIfPresent([SKU].self, forKey: .skus)
        self.certifications = try container.decodeIfPresent([Certification].self, forKey: .certifications)
        self.sizeChart = try container.decodeIfPresent(SizeChart.self, forKey: .sizeChart)
        self.manufacturerIDs = try container.decodeIfPresent([String].self, forKey: .manufacturerIDs)
        self.responsiblePersonIDs = try container.decodeIfPresent([String].self, forKey: .responsiblePersonIDs)
        self.deliveryOptionIDs = try container.decodeIfPresent([String].self, forKey: .deliveryOptionIDs)
        self.replicatedProducts = try container.decodeIfPresent([ReplicatedProduct].self, forKey: .replicatedProducts)
        self.saveMode = try container.decodeIfPresent(String.self, forKey: .saveMode)
        self.idempotencyKey = try container.decodeIfPresent(String.self, forKey: .idempotencyKey)
        self.listingPlatforms = try container.decodeIfPresent([String].self, forKey: .listingPlatforms)
        self.echoed = try FieldName.decode(Self.echoedKeys, from: decoder)
    }
}

/// A coding key for any field name, to read the fields a draft keeps as sent.
private struct FieldName: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    /// The named fields the object holds, as JSON (a `null` counts as absent).
    static func decode(_ names: [String], from decoder: any Decoder) throws -> [String: JSONValue] {
        let container = try decoder.container(keyedBy: FieldName.self)
        var fields: [String: JSONValue] = [:]
        for name in names {
            if let value = try container.decodeIfPresent(JSONValue.self, forKey: FieldName(stringValue: name)), value != .null {
                fields[name] = value
            }
        }
        return fields
    }
}
