import Foundation
import Scenarios

/// One notification the platform sends: its id, shop, type and the exact bytes of its body.
struct WebhookNotification: Sendable {
    /// The `data` of a type-18 PRODUCT_CATEGORY_CHANGE notification: `product_id` is a string
    /// here, unlike types 5 and 37.
    struct CategoryChange: Encodable {
        var productID: String
        var previousCategoryID: String
        var currentCategoryID: String
        var updateTime: Int64

        enum CodingKeys: String, CodingKey {
            case productID = "product_id"
            case previousCategoryID = "previous_category_id"
            case currentCategoryID = "current_category_id"
            case updateTime = "update_time"
        }
    }

    var id: String
    var eventType: Int
    var shopID: String
    var productID: String
    var body: [UInt8]

    static func categoryChange(
        id: String,
        shopID: String,
        productID: String,
        previous: String,
        current: String,
        updateTime: Int64,
        timestamp: Int64
    ) -> WebhookNotification {
        let data = CategoryChange(productID: productID, previousCategoryID: previous, currentCategoryID: current, updateTime: updateTime)
        return make(id: id, type: WebhookType.categoryChangeNumber, shopID: shopID, productID: productID, timestamp: timestamp, data: data)
    }
}
