import Foundation
import Scenarios

/// One notification the platform sends: its id, shop, type and the exact bytes of its body.
struct WebhookNotification: Sendable {
    /// The body of a type-18 PRODUCT_CATEGORY_CHANGE notification.
    struct CategoryChange: Encodable {
        struct Data: Encodable {
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

        var type: Int
        var ttsNotificationID: String
        var shopID: String
        var timestamp: Int64
        var data: Data

        enum CodingKeys: String, CodingKey {
            case type, timestamp, data
            case ttsNotificationID = "tts_notification_id"
            case shopID = "shop_id"
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
        let payload = CategoryChange(
            type: WebhookType.categoryChangeNumber,
            ttsNotificationID: id,
            shopID: shopID,
            timestamp: timestamp,
            data: .init(productID: productID, previousCategoryID: previous, currentCategoryID: current, updateTime: updateTime)
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A struct of strings and integers always encodes.
        let body = Array((try? encoder.encode(payload)) ?? Foundation.Data())
        return WebhookNotification(id: id, eventType: WebhookType.categoryChangeNumber, shopID: shopID, productID: productID, body: body)
    }
}
