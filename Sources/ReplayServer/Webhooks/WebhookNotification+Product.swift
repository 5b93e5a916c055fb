import Foundation
import Scenarios

extension WebhookNotification {
    /// The envelope every notification shares, around a type's `data`.
    private struct Payload<Body: Encodable>: Encodable {
        var type: Int
        var ttsNotificationID: String
        var shopID: String
        var timestamp: Int64
        var data: Body

        enum CodingKeys: String, CodingKey {
            case type, timestamp, data
            case ttsNotificationID = "tts_notification_id"
            case shopID = "shop_id"
        }
    }

    /// The `data` of a type-5 PRODUCT_STATUS_CHANGE (reference section 4): `product_id` is a
    /// number here, as in the SDK's model and the docs' sample.
    struct StatusChange: Encodable {
        var productID: Int64
        var status: String
        var suspendedReason: String
        var updateTime: Int64

        enum CodingKeys: String, CodingKey {
            case status
            case productID = "product_id"
            case suspendedReason = "suspended_reason"
            case updateTime = "update_time"
        }
    }

    /// The `data` of a type-37 PRODUCT_AUDIT_STATUS_CHANGE (reference section 4).
    struct AuditStatusChange: Encodable {
        struct Audit: Encodable {
            var status: String
            var preApprovedReasons: [String]

            enum CodingKeys: String, CodingKey {
                case status
                case preApprovedReasons = "pre_approved_reasons"
            }
        }

        var productID: Int64
        var audit: Audit
        var updateTime: Int64

        enum CodingKeys: String, CodingKey {
            case audit
            case productID = "product_id"
            case updateTime = "update_time"
        }
    }

    /// The `data` of a type-16 PRODUCT_CREATION (reference section 4; the SDK's
    /// `ProductCreationWebhookData`): `product_id` is a number.
    struct Creation: Encodable {
        var productID: Int64
        /// `COMBINED_PRODUCT` or `GPR_PRODUCT` for those kinds; empty for an ordinary product.
        var productTypes: [String]
        var updateTime: Int64

        enum CodingKeys: String, CodingKey {
            case productID = "product_id"
            case productTypes = "product_types"
            case updateTime = "update_time"
        }
    }

    /// The `data` of a type-15 PRODUCT_INFORMATION_CHANGE (reference section 4; the SDK's
    /// `ProductInformationChangeWebhookData`): `product_id` is a string.
    struct InformationChange: Encodable {
        var productID: String
        var changeSource: String
        var changedFields: [String]
        var updateTime: Int64

        enum CodingKeys: String, CodingKey {
            case productID = "product_id"
            case changeSource = "change_source"
            case changedFields = "changed_fields"
            case updateTime = "update_time"
        }
    }

    static func creation(id: String, shopID: String, productID: String, updateTime: Int64, timestamp: Int64) -> WebhookNotification {
        let data = Creation(productID: Int64(productID) ?? 0, productTypes: [], updateTime: updateTime)
        return make(id: id, type: WebhookType.creationNumber, shopID: shopID, productID: productID, timestamp: timestamp, data: data)
    }

    static func informationChange(
        id: String,
        shopID: String,
        productID: String,
        changedFields: [String],
        updateTime: Int64,
        timestamp: Int64
    ) -> WebhookNotification {
        let data = InformationChange(productID: productID, changeSource: "OPEN_API", changedFields: changedFields, updateTime: updateTime)
        return make(id: id, type: WebhookType.informationChangeNumber, shopID: shopID, productID: productID, timestamp: timestamp, data: data)
    }

    /// What `data.status` of a type-5 notification says.
    enum ProductStatusNews: String, CaseIterable {
        /// A new product passed its first audit.
        case firstPassReview = "PRODUCT_FIRST_PASS_REVIEW"
        /// The product's status changed, or an audit of new content passed.
        case statusChanged = "PRODUCT_STATUS_CHANGED"
        /// An audit failed.
        case auditFailure = "PRODUCT_AUDIT_FAILURE"
    }

    /// What `data.audit.status` of a type-37 notification says.
    enum AuditNews: String, CaseIterable {
        case auditing = "AUDITING"
        case approved = "APPROVED"
        case failed = "FAILED"
    }

    static func statusChange(
        id: String,
        shopID: String,
        productID: String,
        news: ProductStatusNews,
        suspendedReason: String,
        updateTime: Int64,
        timestamp: Int64
    ) -> WebhookNotification {
        let data = StatusChange(productID: Int64(productID) ?? 0, status: news.rawValue, suspendedReason: suspendedReason, updateTime: updateTime)
        return make(id: id, type: WebhookType.statusChangeNumber, shopID: shopID, productID: productID, timestamp: timestamp, data: data)
    }

    static func auditStatusChange(
        id: String,
        shopID: String,
        productID: String,
        auditStatus: String,
        updateTime: Int64,
        timestamp: Int64
    ) -> WebhookNotification {
        let data = AuditStatusChange(
            productID: Int64(productID) ?? 0,
            audit: .init(status: auditStatus, preApprovedReasons: []),
            updateTime: updateTime
        )
        return make(id: id, type: WebhookType.auditStatusChangeNumber, shopID: shopID, productID: productID, timestamp: timestamp, data: data)
    }

    static func make(
        id: String,
        type: Int,
        shopID: String,
        productID: String,
        timestamp: Int64,
        data: some Encodable
    ) -> WebhookNotification {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Structs of strings and integers always encode.
        let body = Array(
            (try? encoder.encode(Payload(type: type, ttsNotificationID: id, shopID: shopID, timestamp: timestamp, data: data))) ?? Data()
        )
        return WebhookNotification(id: id, eventType: type, shopID: shopID, productID: productID, body: body)
    }
}
