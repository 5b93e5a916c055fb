import Foundation
import Scenarios
import Synchronization

/// The webhook addresses each shop has registered, per event type (`GET/PUT/DELETE /event/202309/webhooks`).
final class WebhookSubscriptions: Sendable {
    /// One registration.
    struct Subscription: Sendable, Hashable {
        var type: WebhookType
        var address: String
        var createTime: Int64
        var updateTime: Int64
    }

    private let initial: [String: [String: Subscription]]
    private let state: Mutex<[String: [String: Subscription]]>

    /// Starts with the scenario's address registered for PRODUCT_CATEGORY_CHANGE on every shop.
    init(scenario: Scenario, extraAddress: String?) {
        var initial: [String: [String: Subscription]] = [:]
        let start = Int64(scenario.clockStart.timeIntervalSince1970)
        if let address = extraAddress ?? scenario.webhooks.address {
            for shop in scenario.shops {
                initial[shop.id] = [
                    WebhookType.productCategoryChange.name: Subscription(
                        type: .productCategoryChange,
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
        state.withLock { ($0[shopID] ?? [:]).values.sorted { $0.type.name < $1.type.name } }
    }

    func address(of shopID: String, for type: WebhookType) -> String? {
        state.withLock { $0[shopID]?[type.name]?.address }
    }

    func register(shopID: String, type: WebhookType, address: String, at time: Int64) {
        state.withLock { state in
            let created = state[shopID]?[type.name]?.createTime ?? time
            state[shopID, default: [:]][type.name] = Subscription(type: type, address: address, createTime: created, updateTime: time)
        }
    }

    func remove(shopID: String, type: WebhookType) {
        _ = state.withLock { $0[shopID]?.removeValue(forKey: type.name) }
    }

    func reset() {
        state.withLock { $0 = initial }
    }
}
