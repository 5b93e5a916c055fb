import Scenarios

extension WebhookNotification {
    /// The content type every notification is sent with.
    static let contentType = "application/json"

}

/// One notification of every type and variant the simulator sends, built by the same code the
/// outbox uses: `tts-replay conform` compares their shapes with the notifications a team's
/// receiver got from production.
package enum WebhookSamples {
    /// A notification as a receiver gets it.
    package struct Sample: Sendable {
        /// The webhook type number (18 for PRODUCT_CATEGORY_CHANGE).
        package var type: Int
        /// The headers that say something about the body (the signature is left out).
        package var headers: [String: String]
        /// The body, exactly as the outbox sends it.
        package var body: [UInt8]
    }

    /// Every type and variant, about one product.
    package static func all(shopID: String, productID: String, previousCategory: String, currentCategory: String, at time: Int64) -> [Sample] {
        typealias Notification = WebhookNotification
        let notifications: [WebhookNotification] =
            [
                Notification.categoryChange(
                    id: "1",
                    shopID: shopID,
                    productID: productID,
                    previous: previousCategory,
                    current: currentCategory,
                    updateTime: time,
                    timestamp: time
                )
            ]
            + Notification.ProductStatusNews.allCases.map { news in
                Notification.statusChange(
                    id: "2",
                    shopID: shopID,
                    productID: productID,
                    news: news,
                    suspendedReason: "",
                    updateTime: time,
                    timestamp: time
                )
            }
            + Notification.AuditNews.allCases.map { news in
                Notification.auditStatusChange(
                    id: "3",
                    shopID: shopID,
                    productID: productID,
                    auditStatus: news.rawValue,
                    updateTime: time,
                    timestamp: time
                )
            }
        return notifications.map { Sample(type: $0.eventType, headers: ["content-type": Notification.contentType], body: $0.body) }
    }
}
