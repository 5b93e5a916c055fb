import Scenarios

/// The body of Create Product and Edit Product: what a client sends to list a product.
///
/// Only the fields the fake checks or serves back are typed; the rest of the body is kept
/// as sent. Every field is optional here so that a missing one gets TikTok's own error code.
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

        enum CodingKeys: String, CodingKey {
            case quantity
            case warehouseID = "warehouse_id"
        }
    }

    struct SalesAttribute: Codable, Sendable, Hashable {
        var id: String?
        var name: String?
        var valueID: String?
        var valueName: String?

        enum CodingKeys: String, CodingKey {
            case id, name
            case valueID = "value_id"
            case valueName = "value_name"
        }
    }

    struct SKU: Codable, Sendable, Hashable {
        var id: String?
        var sellerSKU: String?
        var price: Price?
        var inventory: [Inventory]?
        var salesAttributes: [SalesAttribute]?
        var externalSKUID: String?

        enum CodingKeys: String, CodingKey {
            case id, price, inventory
            case sellerSKU = "seller_sku"
            case salesAttributes = "sales_attributes"
            case externalSKUID = "external_sku_id"
        }
    }

    struct Certification: Codable, Sendable, Hashable {
        var id: String
    }

    var title: String?
    var description: String?
    var categoryID: String?
    var brandID: String?
    var mainImages: [Image]?
    var productAttributes: [Attribute]?
    var skus: [SKU]?
    var certifications: [Certification]?
    var sizeChart: JSONValue?
    var packageWeight: JSONValue?
    var packageDimensions: JSONValue?
    var saveMode: String?

    enum CodingKeys: String, CodingKey {
        case title, description, skus, certifications
        case categoryID = "category_id"
        case brandID = "brand_id"
        case mainImages = "main_images"
        case productAttributes = "product_attributes"
        case sizeChart = "size_chart"
        case packageWeight = "package_weight"
        case packageDimensions = "package_dimensions"
        case saveMode = "save_mode"
    }
}
