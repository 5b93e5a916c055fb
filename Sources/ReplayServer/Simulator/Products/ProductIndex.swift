import Scenarios

/// What Search Products asks of the store's products, kept sorted as they change: per shop,
/// status and tree, the products in search order (newest update first); per SKU id and seller
/// SKU, the products that carry it.
///
/// A search without SKU filters reads one sorted list per status and tree it asks for (at most
/// 14): it finds its update-time range and its page by binary search and counts the matches
/// from the lists' lengths, so a page costs O(page size + log n) whatever the shop's size. A
/// create-time range is checked product by product within the update-time range. A search by
/// SKU reads the few products that carry the SKUs asked for.
struct ProductIndex: Sendable {
    /// The products of one shop in one status on one tree.
    struct Bucket: Hashable, Sendable {
        var shopID: String
        var status: Product.Status
        var version: CategoryVersion
    }

    /// A product as a bucket lists it: its place in the order and what a search checks beside it.
    struct Entry: Sendable {
        var key: ProductOrderKey
        /// Unix seconds, scenario clock.
        var createTime: Int64

        init(_ product: ProductState) {
            self.key = ProductOrderKey(product)
            self.createTime = product.createTime
        }
    }

    /// What a search found: one page of keys, how many products match in all, and whether
    /// more follow the page.
    struct Found {
        var page: [ProductOrderKey]
        var total: Int
        var hasMore: Bool
    }

    /// Each bucket's entries in search order.
    private var buckets: [Bucket: [Entry]] = [:]
    private var bySellerSKU: [String: Set<String>] = [:]
    private var bySKUID: [String: Set<String>] = [:]

    /// Indexes products in one pass: grouped, then each bucket sorted once.
    init(_ products: some Sequence<ProductState>) {
        for product in products {
            buckets[Bucket(product), default: []].append(Entry(product))
            addSKUs(of: product)
        }
        for bucket in buckets.keys {
            buckets[bucket]?.sort { $0.key.precedes($1.key) }
        }
    }

    /// Adds a product that is new, or that `remove` took out before it changed.
    mutating func add(_ product: ProductState) {
        let entry = Entry(product)
        buckets[Bucket(product), default: []].insert(entry: entry)
        addSKUs(of: product)
    }

    /// Takes a product out as it stands in the index (before it changes).
    mutating func remove(_ product: ProductState) {
        let bucket = Bucket(product)
        buckets[bucket]?.remove(key: ProductOrderKey(product))
        if buckets[bucket]?.isEmpty == true { buckets[bucket] = nil }
        for sku in product.skus {
            if let id = sku.id { Self.remove(product.id, under: id, from: &bySKUID) }
            if let sellerSKU = sku.sellerSKU { Self.remove(product.id, under: sellerSKU, from: &bySellerSKU) }
        }
    }

    /// One page of a shop's products that pass the filter, in search order, from a position.
    ///
    /// - Parameter product: The store's product of an id, for searches by SKU.
    func search(
        shopID: String,
        filter: ProductSearchFilter,
        from position: PageToken.Position,
        size: Int,
        product: (String) -> ProductState?
    ) -> Found {
        if let candidates = skuCandidates(filter) {
            let keys = candidates.compactMap(product).filter { $0.shopID == shopID && filter.matches($0) }.map(ProductOrderKey.init)
            let sorted = keys.sorted { $0.precedes($1) }
            return Self.page(of: [sorted.map { Entry(key: $0) }[...]], filter: nil, total: sorted.count, from: position, size: size)
        }
        var lists: [ArraySlice<Entry>] = []
        var total = 0
        if filter.looksAtEachProduct {
            // Audit status, drafts, platforms: not indexed; the shop's products in the buckets asked for, each looked at.
            var keys: [ProductOrderKey] = []
            for status in filter.statuses {
                for version in filter.versions {
                    for entry in buckets[Bucket(shopID: shopID, status: status, version: version)] ?? []
                    where product(entry.key.id).map(filter.matches) == true {
                        keys.append(entry.key)
                    }
                }
            }
            let sorted = keys.sorted { $0.precedes($1) }
            return Self.page(of: [sorted.map { Entry(key: $0) }[...]], filter: nil, total: sorted.count, from: position, size: size)
        }
        for status in filter.statuses {
            for version in filter.versions {
                guard let entries = buckets[Bucket(shopID: shopID, status: status, version: version)] else { continue }
                // Newest first: the range runs from the first entry not newer than its end to the first older than its start.
                let start = entries.partitionPoint { $0.key.updateTime <= filter.updateRange.upperBound }
                let end = entries.partitionPoint { $0.key.updateTime < filter.updateRange.lowerBound }
                let inRange = entries[start..<max(start, end)]
                total += filter.limitsCreateTime ? inRange.count(where: { filter.createRange.contains($0.createTime) }) : inRange.count
                lists.append(inRange)
            }
        }
        return Self.page(of: lists, filter: filter.limitsCreateTime ? filter : nil, total: total, from: position, size: size)
    }

    // MARK: - Helpers

    /// The ids of the products that carry the SKUs asked for, when the filter asks for any.
    private func skuCandidates(_ filter: ProductSearchFilter) -> Set<String>? {
        let bySeller = filter.sellerSKUs.isEmpty ? nil : filter.sellerSKUs.reduce(into: Set<String>()) { $0.formUnion(bySellerSKU[$1] ?? []) }
        let byID = filter.skuIDs.isEmpty ? nil : filter.skuIDs.reduce(into: Set<String>()) { $0.formUnion(bySKUID[$1] ?? []) }
        switch (bySeller, byID) {
        case (nil, nil): return nil
        case (let some?, nil), (nil, let some?): return some
        case (let seller?, let id?): return seller.intersection(id)
        }
    }

    /// Merges sorted lists into one page from a position; `filter`, when given, is checked on
    /// each entry's create time.
    private static func page(
        of lists: [ArraySlice<Entry>],
        filter: ProductSearchFilter?,
        total: Int,
        from position: PageToken.Position,
        size: Int
    ) -> Found {
        var heads = lists
        var skip = 0
        switch position {
        case .offset(let offset): skip = offset
        case .after(let cursor):
            for index in heads.indices {
                heads[index] = heads[index][heads[index].partitionPoint { cursor.precedes($0.key) }...]
            }
        }
        var page: [ProductOrderKey] = []
        page.reserveCapacity(size + 1)
        while page.count <= size {
            var next: Int?
            for index in heads.indices {
                guard let first = heads[index].first else { continue }
                if let best = next, let leader = heads[best].first, !first.key.precedes(leader.key) { continue }
                next = index
            }
            guard let next, let entry = heads[next].popFirst() else { break }
            if let filter, !filter.createRange.contains(entry.createTime) { continue }
            if skip > 0 {
                skip -= 1
                continue
            }
            page.append(entry.key)
        }
        let hasMore = page.count > size
        if hasMore { page.removeLast() }
        return Found(page: page, total: total, hasMore: hasMore)
    }

    private mutating func addSKUs(of product: ProductState) {
        for sku in product.skus {
            if let id = sku.id { bySKUID[id, default: []].insert(product.id) }
            if let sellerSKU = sku.sellerSKU { bySellerSKU[sellerSKU, default: []].insert(product.id) }
        }
    }

    private static func remove(_ productID: String, under key: String, from index: inout [String: Set<String>]) {
        index[key]?.remove(productID)
        if index[key]?.isEmpty == true { index[key] = nil }
    }
}

extension ProductIndex.Bucket {
    init(_ product: ProductState) {
        self.init(shopID: product.shopID, status: product.status, version: product.categoryVersion)
    }
}

extension ProductIndex.Entry {
    /// An entry for a list sorted by key alone.
    fileprivate init(key: ProductOrderKey) {
        self.key = key
        self.createTime = 0
    }
}

extension Array where Element == ProductIndex.Entry {
    /// Inserts at the entry's place in search order.
    fileprivate mutating func insert(entry: ProductIndex.Entry) {
        insert(entry, at: partitionPoint { !$0.key.precedes(entry.key) })
    }

    /// Removes the entry of a key, if it is there.
    fileprivate mutating func remove(key: ProductOrderKey) {
        let index = partitionPoint { !$0.key.precedes(key) }
        if index < endIndex, self[index].key == key { remove(at: index) }
    }
}

extension RandomAccessCollection {
    /// The index of the first element for which `isAtOrPast` holds, in a collection where it
    /// holds for a suffix only (binary search).
    func partitionPoint(where isAtOrPast: (Element) -> Bool) -> Index {
        var low = startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = index(low, offsetBy: half)
            if isAtOrPast(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
