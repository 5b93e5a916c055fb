import Foundation
import Scenarios
import Synchronization

/// The Category Upgrade Task (`POST /product/202407/products/category_upgrade_task`), per shop.
///
/// A task takes the shop's ACTIVATE products still on the v1 tree that have been live for the
/// scenario's minimum age (24 hours) and moves each to the v2 leaf of the market's upgrade map,
/// at even steps over the task's duration, in the scenario's order. Younger products are
/// skipped silently; products the scenario marks as failing stay on v1 with no webhook. Each
/// move is a category change: it sends a type-18 webhook.
///
/// Calling again while a task runs is refused with 12052234, as the operation's error table
/// says, or accepted and ignored when the scenario says `while_running: accept`; either way it
/// is journaled (`upgrade_task_ignored`). Calling after it ends starts a new task over the
/// products that are eligible then.
final class CategoryUpgrades: Sendable {
    private struct State {
        /// Per shop: when its running task ends.
        var runningUntil: [String: Date] = [:]
        /// Per product: how many tasks have tried it.
        var tries: [String: Int] = [:]
    }

    private let behaviour: UpgradeBehaviour
    private let seed: UInt64
    private let markets: [Region: MarketCatalogue]
    private let clock: VirtualClock
    private let store: ProductStore
    private let events: ShopEvents
    private let state = Mutex(State())

    init(scenario: Scenario, markets: [Region: MarketCatalogue], clock: VirtualClock, store: ProductStore, events: ShopEvents) {
        self.behaviour = scenario.upgrade
        self.seed = scenario.seed
        self.markets = markets
        self.clock = clock
        self.store = store
        self.events = events
    }

    /// Starts a task for a shop, or notes that one is already running.
    ///
    /// - Throws: ``APIError/upgradeTaskRunning`` while the shop's task runs, unless the
    ///   scenario accepts such calls.
    func trigger(shop: Shop) throws(APIError) {
        let now = clock.now
        let runningUntil = state.withLock { $0.runningUntil[shop.id].flatMap { $0 > now ? $0 : nil } }
        if let runningUntil {
            events.record(.upgradeTaskIgnored, details: ["shop_id": shop.id, "running_until": ScenarioInstant.format(runningUntil)])
            if behaviour.whileRunning == .refuse { throw APIError.upgradeTaskRunning }
            return
        }
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let candidates = order(store.products(ofShop: shop.id).filter { $0.status == .activate && $0.categoryVersion == .v1 })
        var eligible: [ProductState] = []
        for product in candidates {
            let age = nowSeconds - (product.liveSince ?? nowSeconds)
            if age >= behaviour.minimumAge.seconds {
                eligible.append(product)
            } else {
                events.record(
                    .productUpgradeSkipped,
                    productID: product.id,
                    details: [
                        "reason": UpgradeSkipReason.tooNew.rawValue, "shop_id": shop.id, "live_for": "\(HumanDuration(seconds: age))",
                        "eligible_at": "\(nowSeconds + behaviour.minimumAge.seconds - age)",
                    ]
                )
            }
        }
        let duration = TimeInterval(behaviour.duration.milliseconds) / 1000
        let end = now.addingTimeInterval(eligible.isEmpty ? 0 : duration)
        state.withLock { $0.runningUntil[shop.id] = end }
        events.record(
            .upgradeTaskStarted,
            details: [
                "shop_id": shop.id, "eligible": "\(eligible.count)", "skipped": "\(candidates.count - eligible.count)",
                "ends": ScenarioInstant.format(end),
            ]
        )
        for (index, product) in eligible.enumerated() {
            let due = now.addingTimeInterval(duration * Double(index + 1) / Double(eligible.count))
            clock.schedule(at: due) { self.upgrade(product.id, shop: shop) }
        }
        clock.schedule(at: end) { self.events.record(.upgradeTaskFinished, details: ["shop_id": shop.id]) }
    }

    /// Moves one product, unless the scenario makes it fail or it changed since the task started.
    private func upgrade(_ productID: String, shop: Shop) {
        let tries = state.withLock { state -> Int in
            state.tries[productID, default: 0] += 1
            return state.tries[productID, default: 0]
        }
        if let failure = behaviour.failures.first(where: { $0.productID == productID }), tries <= (failure.attempts ?? Int.max) {
            events.record(.productUpgradeFailed, productID: productID, details: ["attempt": "\(tries)", "shop_id": shop.id])
            return
        }
        guard let market = markets[shop.region] else { return }
        let now = clock.unixSeconds
        var change: (previous: String, current: String)?
        _ = store.update(productID) { product, _ in
            guard product.status == .activate, product.categoryVersion == .v1, let target = market.upgradeMap[product.categoryID] else { return }
            change = (product.categoryID, target)
            product.categoryID = target
            product.categoryVersion = .v2
            product.updateTime = now
        }
        guard let change else {
            events.record(.productUpgradeSkipped, productID: productID, details: ["reason": UpgradeSkipReason.changedSinceTheTaskStarted.rawValue])
            return
        }
        events.categoryChanged(
            shopID: shop.id,
            productID: productID,
            previous: change.previous,
            current: change.current,
            version: .v2,
            source: "upgrade_task",
            at: now
        )
    }

    private func order(_ products: [ProductState]) -> [ProductState] {
        switch behaviour.order {
        case .listed: return products
        case .reverse: return products.reversed()
        case .shuffled:
            var generator = SeededGenerator(seed: seed)
            return products.shuffled(using: &generator)
        }
    }

    func reset() {
        state.withLock { $0 = State() }
    }
}
