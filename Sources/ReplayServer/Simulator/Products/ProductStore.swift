import Scenarios
import Synchronization

/// The one place that holds the simulated shops' products. Every handler reads and changes
/// products through it, and so does the upgrade task: a change here is what every later
/// Get Product and Search Products sees.
///
/// Beside the products it keeps Search Products' ``ProductIndex`` and each product's search
/// entry as encoded JSON, both brought up to date by every change (`insert`, `update`), so a
/// search reads a page without looking at the rest of the shop and encodes a product once
/// until it changes. The pages searches answered are kept too, as their answer's bytes, until
/// any product changes: a client polling the same search is answered with the same bytes,
/// which the journal stores once.
final class ProductStore: Sendable {
    private struct State {
        var products: [String: ProductState] = [:]
        /// Ids in the order products came: the scenario's, then created ones.
        var order: [String] = []
        var createdCount = 0
        var skuCount = 0
        var index: ProductIndex
        /// Each product's Search Products entry, encoded the first time a search shows it;
        /// dropped when the product changes.
        var encodedEntries: [String: [UInt8]] = [:]
        /// Pages answered since the last change, at most ``ProductStore/pagesKept`` and
        /// ``ProductStore/pageBytesKept``.
        var pages: [PageKey: AnsweredPage] = [:]
        /// The bytes the pages kept hold (``EncodedPayload/heldBytes``), and their keys'.
        var pageBytes = 0

        /// Forgets what a change makes stale: every page answered.
        mutating func changed() {
            pages.removeAll()
            pageBytes = 0
        }

        /// Keeps a page, unless it alone is past the byte bound (a filter of huge SKUs).
        mutating func keep(_ page: AnsweredPage, for key: PageKey) {
            let cost = key.bytes + page.payload.heldBytes
            guard cost <= ProductStore.pageBytesKept else { return }
            if pages.count >= ProductStore.pagesKept || pageBytes + cost > ProductStore.pageBytesKept { changed() }
            pages[key] = page
            pageBytes += cost
        }
    }

    /// A search as a page cache's key: everything its answer depends on but the products.
    private struct PageKey: Hashable {
        var shopID: String
        var filter: ProductSearchFilter
        var position: PageToken.Position
        var size: Int

        /// About what the key holds, in bytes: its strings.
        var bytes: Int {
            let after: Int
            switch position {
            case .offset: after = 0
            case .after(let key): after = key.id.utf8.count
            }
            return shopID.utf8.count + after + (filter.sellerSKUs.reduce(0) { $0 + $1.utf8.count }) + filter.skuIDs.reduce(0) { $0 + $1.utf8.count }
        }
    }

    /// A page as a search answered it: how many products match in all, and the page's payload.
    struct AnsweredPage: Sendable {
        var total: Int
        var payload: EncodedPayload
    }

    /// How many pages are kept between two changes, and how many bytes they and their keys
    /// hold at most; past either they are forgotten all at once.
    static let pagesKept = 64
    static let pageBytesKept = 8 << 20

    /// One page of a search: the products' encoded entries in order, how many match in all,
    /// and the position after the page when more follow.
    struct SearchPage {
        var entries: [[UInt8]]
        var total: Int
        var next: ProductOrderKey?
    }

    private let initial: [ProductState]
    private let seed: UInt64
    private let state: Mutex<State>

    /// Starts with the scenario's products.
    init(initial: [ProductState], seed: UInt64) {
        self.initial = initial
        self.seed = seed
        self.state = Mutex(Self.startingState(initial))
    }

    /// Back to the scenario's products; id sequences restart.
    func reset() {
        let fresh = Self.startingState(initial)
        state.withLock { $0 = fresh }
    }

    private static func startingState(_ initial: [ProductState]) -> State {
        State(
            products: Dictionary(uniqueKeysWithValues: initial.map { ($0.id, $0) }),
            order: initial.map(\.id),
            index: ProductIndex(initial)
        )
    }

    func product(_ id: String) -> ProductState? {
        state.withLock { $0.products[id] }
    }

    /// Every product of a shop, in the order they came.
    func products(ofShop shopID: String) -> [ProductState] {
        state.withLock { state in state.order.compactMap { state.products[$0] }.filter { $0.shopID == shopID } }
    }

    /// One page of a shop's products that pass the filter, newest update first, from a position,
    /// as its payload: the one answered before when no product changed since.
    ///
    /// - Parameters:
    ///   - encode: A product's search entry as JSON; called only for products whose entry is
    ///     not kept yet.
    ///   - payload: The page's payload, made once until a product changes.
    func searchPage(
        ofShop shopID: String,
        filter: ProductSearchFilter,
        from position: PageToken.Position,
        size: Int,
        encode: (ProductState) -> [UInt8],
        payload: (SearchPage) -> EncodedPayload
    ) -> AnsweredPage {
        let key = PageKey(shopID: shopID, filter: filter, position: position, size: size)
        return state.withLock { state in
            if let known = state.pages[key] { return known }
            let page = Self.search(&state, key, encode: encode)
            let answered = AnsweredPage(total: page.total, payload: payload(page))
            state.keep(answered, for: key)
            return answered
        }
    }

    /// One page of a shop's products that pass the filter, newest update first, from a position,
    /// read from the index (not from the pages kept).
    ///
    /// - Parameter encode: A product's search entry as JSON; called only for products whose
    ///   entry is not kept yet.
    func search(
        ofShop shopID: String,
        filter: ProductSearchFilter,
        from position: PageToken.Position,
        size: Int,
        encode: (ProductState) -> [UInt8]
    ) -> SearchPage {
        let key = PageKey(shopID: shopID, filter: filter, position: position, size: size)
        return state.withLock { Self.search(&$0, key, encode: encode) }
    }

    private static func search(_ state: inout State, _ key: PageKey, encode: (ProductState) -> [UInt8]) -> SearchPage {
        let found = state.index.search(shopID: key.shopID, filter: key.filter, from: key.position, size: key.size) { [products = state.products] in
            products[$0]
        }
        var entries: [[UInt8]] = []
        entries.reserveCapacity(found.page.count)
        for key in found.page {
            if let known = state.encodedEntries[key.id] {
                entries.append(known)
            } else if let product = state.products[key.id] {
                let encoded = encode(product)
                state.encodedEntries[key.id] = encoded
                entries.append(encoded)
            }
        }
        return SearchPage(entries: entries, total: found.total, next: found.hasMore ? found.page.last : nil)
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
            state.index.add(product)
            state.changed()
            return product
        }
    }

    /// Replaces a product; new SKUs get ids through `nextSKUID`.
    func update(_ id: String, _ change: (inout ProductState, _ nextSKUID: () -> String) -> Void) -> ProductState? {
        state.withLock { state in
            guard let existing = state.products[id] else { return nil }
            var product = existing
            change(&product) {
                state.skuCount += 1
                return DeterministicID.make(prefix: DeterministicID.sku, seed: seed, sequence: state.skuCount)
            }
            guard product != existing else { return product }
            state.products[id] = product
            state.index.remove(existing)
            state.index.add(product)
            state.encodedEntries[id] = nil
            state.changed()
            return product
        }
    }
}
