import Foundation
import Scenarios
import Synchronization

/// The webhook addresses each shop has registered, per event type (`GET/PUT/DELETE /event/202309/webhooks`).
final class WebhookSubscriptions: Sendable {
    /// One registration.
    struct Subscription: Sendable, Hashable {
        var eventType: String
        var address: String
        var createTime: Int64
        var updateTime: Int64
    }

    /// The event types the Event API documents.
    static let eventTypes: Set<String> = [
        "ORDER_STATUS_CHANGE", "RECIPIENT_ADDRESS_UPDATE", "PACKAGE_UPDATE", "PRODUCT_STATUS_CHANGE", "SELLER_DEAUTHORIZATION",
        "UPCOMING_AUTHORIZATION_EXPIRATION", "CANCELLATION_STATUS_CHANGE", "RETURN_STATUS_CHANGE", "NEW_CONVERSATION", "NEW_MESSAGE",
        "PRODUCT_INFORMATION_CHANGE", "PRODUCT_CREATION", "PRODUCT_CATEGORY_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE", "INVOICE_STATUS_CHANGE",
    ]

    /// The type number of an event type, as webhook payloads carry it.
    static let typeNumbers: [String: Int] = [
        "ORDER_STATUS_CHANGE": 1, "PRODUCT_STATUS_CHANGE": 5, "PRODUCT_INFORMATION_CHANGE": 15, "PRODUCT_CREATION": 16,
        "PRODUCT_CATEGORY_CHANGE": 18, "PRODUCT_AUDIT_STATUS_CHANGE": 37,
    ]

    private let initial: [String: [String: Subscription]]
    private let state: Mutex<[String: [String: Subscription]]>

    /// Starts with the scenario's address registered for PRODUCT_CATEGORY_CHANGE on every shop.
    init(scenario: Scenario, extraAddress: String?) {
        var initial: [String: [String: Subscription]] = [:]
        let start = Int64(scenario.clockStart.timeIntervalSince1970)
        if let address = extraAddress ?? scenario.webhooks.address {
            for shop in scenario.shops {
                initial[shop.id] = [
                    "PRODUCT_CATEGORY_CHANGE": Subscription(
                        eventType: "PRODUCT_CATEGORY_CHANGE",
                        address: address,
                        createTime: start,
                        updateTime: start
                    )
                ]
            }
        }
        self.initial = initial
        self.state = Mutex(initial)
    }

    func subscriptions(of shopID: String) -> [Subscription] {
        state.withLock { ($0[shopID] ?? [:]).values.sorted { $0.eventType < $1.eventType } }
    }

    func address(of shopID: String, for eventType: String) -> String? {
        state.withLock { $0[shopID]?[eventType]?.address }
    }

    func register(shopID: String, eventType: String, address: String, at time: Int64) {
        state.withLock { state in
            let created = state[shopID]?[eventType]?.createTime ?? time
            state[shopID, default: [:]][eventType] = Subscription(eventType: eventType, address: address, createTime: created, updateTime: time)
        }
    }

    func remove(shopID: String, eventType: String) {
        _ = state.withLock { $0[shopID]?.removeValue(forKey: eventType) }
    }

    func reset() {
        state.withLock { $0 = initial }
    }
}
