import Scenarios
import Synchronization

/// The one place that holds the simulated shops' products. Every handler reads and changes
/// products through it, and so will the upgrade task: a change here is what every later
/// Get Product and Search Products sees.
final class ProductStore: Sendable {
    private struct State {
        var products: [String: ProductState] = [:]
        /// Ids in the order products came: the scenario's, then created ones.
        var order: [String] = []
        var createdCount = 0
        var skuCount = 0
        /// Each shop's product ids, newest update first: kept until a product changes, so a
        /// search of a large shop filters without sorting or copying every product.
        var newestFirst: [String: [String]] = [:]
    }

    private let initial: [ProductState]
    private let seed: UInt64
    private let state = Mutex(State())

    /// Starts with the scenario's products.
    init(initial: [ProductState], seed: UInt64) {
        self.initial = initial
        self.seed = seed
        reset()
    }

    /// Back to the scenario's products; id sequences restart.
    func reset() {
        let products = Dictionary(uniqueKeysWithValues: initial.map { ($0.id, $0) })
        state.withLock { $0 = State(products: products, order: initial.map(\.id)) }
    }

    func product(_ id: String) -> ProductState? {
        state.withLock { $0.products[id] }
    }

    /// Every product of a shop: newest update first (then by id), or in the order they came.
    func products(ofShop shopID: String, inCreationOrder: Bool = false) -> [ProductState] {
        state.withLock { state in
            if inCreationOrder { return state.order.compactMap { state.products[$0] }.filter { $0.shopID == shopID } }
            return Self.newestFirst(ofShop: shopID, in: &state).compactMap { state.products[$0] }
        }
    }

    /// One page of a shop's products that match, newest update first, and how many match in all.
    func search(ofShop shopID: String, offset: Int, size: Int, where matches: (ProductState) -> Bool) -> (page: [ProductState], total: Int) {
        state.withLock { state in
            var page: [ProductState] = []
            var total = 0
            for id in Self.newestFirst(ofShop: shopID, in: &state) {
                guard let product = state.products[id], matches(product) else { continue }
                if total >= offset && page.count < size { page.append(product) }
                total += 1
            }
            return (page, total)
        }
    }

    private static func newestFirst(ofShop shopID: String, in state: inout State) -> [String] {
        if let known = state.newestFirst[shopID] { return known }
        let ids = state.products.values.filter { $0.shopID == shopID }.sorted { ($0.updateTime, $0.id) > ($1.updateTime, $1.id) }.map(\.id)
        state.newestFirst[shopID] = ids
        return ids
    }

    /// Stores a new product, giving it and its SKUs ids.
    func insert(_ make: (_ productID: String, _ nextSKUID: () -> String) -> ProductState) -> ProductState {
        state.withLock { state in
            state.createdCount += 1
            let id = DeterministicID.make(prefix: DeterministicID.product, seed: seed, sequence: state.createdCount)
            let product = make(id) {
                state.skuCount += 1
                return DeterministicID.make(prefix: DeterministicID.sku, seed: seed, sequence: state.skuCount)
            }
            state.products[id] = product
            state.order.append(id)
            state.newestFirst = [:]
            return product
        }
    }

    /// Replaces a product; new SKUs get ids through `nextSKUID`.
    func update(_ id: String, _ change: (inout ProductState, _ nextSKUID: () -> String) -> Void) -> ProductState? {
        state.withLock { state in
            guard var product = state.products[id] else { return nil }
            change(&product) {
                state.skuCount += 1
                return DeterministicID.make(prefix: DeterministicID.sku, seed: seed, sequence: state.skuCount)
            }
            state.products[id] = product
            state.newestFirst = [:]
            return product
        }
    }
}
