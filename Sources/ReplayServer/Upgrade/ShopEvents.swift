import Foundation
import ReplayJournal
import Scenarios

/// Journals what happens in the simulated shop, and turns category changes into webhooks:
/// the one path every category change (upgrade task or seller edit) takes.
struct ShopEvents: Sendable {
    let clock: VirtualClock
    let journal: Journal
    let outbox: WebhookOutbox

    func record(_ kind: ShopEventKind, productID: String? = nil, details: [String: String] = [:]) {
        journal.record(
            .shopEvent(
                ShopEvent(scenarioTime: clock.unixSeconds, wallTime: Date().timeIntervalSince1970, kind: kind, productID: productID, details: details)
            )
        )
    }

    /// A product's category changed: journal it and notify the shop's webhook address.
    func categoryChanged(
        shopID: String,
        productID: String,
        previous: String,
        current: String,
        version: CategoryVersion,
        source: String,
        at time: Int64
    ) {
        record(
            .productCategoryChanged,
            productID: productID,
            details: [
                ShopEvent.previousCategoryIDKey: previous, ShopEvent.currentCategoryIDKey: current,
                ShopEvent.currentCategoryVersionKey: version.rawValue, "source": source,
            ]
        )
        outbox.notifyCategoryChange(shopID: shopID, productID: productID, previous: previous, current: current, updateTime: time)
    }
}
