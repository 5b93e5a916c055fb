/// What Search Products and Get Product answers say about each product, later answers over
/// earlier ones (or the reverse, ``firstWins``), in the order first seen.
struct ProductEvidence {
    /// Whether the first answer to give a field keeps it (``ScenarioDerivation/Precedence/earliest``).
    var firstWins = false

    /// One product as recorded so far.
    struct Entry {
        var id: String
        /// The `shop_cipher` of the latest request that named the product.
        var cipher: String?
        var title: String?
        var status: Product.Status?
        /// The leaf category, from Get Product's `category_chains` (or a search entry that has one).
        var categoryID: String?
        var categorySource: Provenance?
        /// The tree a search filtered by `category_version` found the product on.
        var versionHint: CategoryVersion?
        var versionSource: Provenance?
        /// Unix seconds.
        var createTime: Int64?
        var brandID: String?
        var brandSource: Provenance?
        var attributes: [String: [String]] = [:]
        /// The first answers that named the product (at most ``ProductEvidence/sourcesKept``).
        var sources: [Provenance] = []
        /// How many answers named it.
        var sourceCount = 0
    }

    /// How many sources each product keeps for its comment: the comment stays short however
    /// often a product was read.
    static let sourcesKept = 3

    private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]
    /// The latest `create_time` or `update_time` of any answer (Unix seconds).
    private(set) var latestTime: Int64?

    /// Reads a Search Products answer (any version): each listed product's title, status and
    /// age, and the tree the request's `category_version` names.
    mutating func readSearch(_ exchange: RecordedExchange, notes: inout [DerivationNote]) {
        guard let listed = exchange.successData?["products"]?.array else { return }
        let version = exchange.requestedCategoryVersion ?? nil
        let firstWins = self.firstWins
        for recorded in listed {
            guard let id = RecordedText.usable(recorded["id"]) else {
                notes.append(DerivationNote(.warning, "a listed product has no usable id (missing or redacted): left out", at: exchange.provenance))
                continue
            }
            update(id: id, from: exchange, with: recorded, notes: &notes) { entry in
                if let version, !(firstWins && entry.versionHint != nil) {
                    entry.versionHint = version
                    entry.versionSource = exchange.provenance
                }
            }
        }
    }

    /// Reads a Get Product answer: the product's title, status, age, leaf category, brand and
    /// attributes.
    mutating func readProduct(_ exchange: RecordedExchange, notes: inout [DerivationNote]) {
        guard let data = exchange.successData, data.object != nil else { return }
        guard let id = RecordedText.usable(data["id"]) ?? exchange.pathParameters["product_id"].flatMap({ RecordedText.usable(.string($0)) })
        else {
            notes.append(DerivationNote(.warning, "the product has no usable id (missing or redacted): left out", at: exchange.provenance))
            return
        }
        let firstWins = self.firstWins
        update(id: id, from: exchange, with: data, notes: &notes) { entry in
            if firstWins, entry.brandSource != nil { return }
            if let brand = data["brand"], let brandID = RecordedText.usable(brand["id"]) {
                entry.brandID = brandID
                entry.brandSource = exchange.provenance
            } else if data["brand"] != nil {
                entry.brandID = nil
            }
            if let attributes = data["product_attributes"]?.array {
                entry.attributes = Self.attributes(attributes)
            }
        }
    }

    /// Updates (or starts) a product's entry from one answer's view of it.
    private mutating func update(
        id: String,
        from exchange: RecordedExchange,
        with recorded: JSONValue,
        notes: inout [DerivationNote],
        _ more: (inout Entry) -> Void
    ) {
        let position = positions[id] ?? entries.count
        if position == entries.count {
            positions[id] = position
            entries.append(Entry(id: id))
        }
        var entry = entries[position]
        let keeps = firstWins && entry.sourceCount > 0
        if let cipher = exchange.shopCipher, !(keeps && entry.cipher != nil) { entry.cipher = cipher }
        if let title = RecordedText.usable(recorded["title"]), !(keeps && entry.title != nil) { entry.title = title }
        if let statusText = RecordedText.usable(recorded["status"]), !(keeps && entry.status != nil) {
            if let status = Product.Status(rawValue: statusText) {
                entry.status = status
            } else {
                notes.append(
                    DerivationNote(
                        .warning,
                        "product \(id): status '\(statusText)' is not one a scenario can hold; the last one read (or ACTIVATE) is kept",
                        at: exchange.provenance
                    )
                )
            }
        }
        let created = RecordedText.seconds(recorded["create_time"])
        if let created, !(keeps && entry.createTime != nil) { entry.createTime = created }
        for time in [created, RecordedText.seconds(recorded["update_time"])].compactMap({ $0 }) {
            latestTime = max(latestTime ?? time, time)
        }
        if let leaf = Self.leaf(of: recorded), !(keeps && entry.categoryID != nil) {
            if leaf != entry.categoryID, !firstWins {
                // A new category makes an older search's tree say nothing about it.
                entry.versionHint = nil
                entry.versionSource = nil
            }
            entry.categoryID = leaf
            entry.categorySource = exchange.provenance
        }
        more(&entry)
        entry.sourceCount += 1
        if entry.sources.count < Self.sourcesKept { entry.sources.append(exchange.provenance) }
        entries[position] = entry
    }

    /// The leaf of `category_chains` (the last link marked a leaf, else the last link), or a
    /// plain `category_id`.
    static func leaf(of recorded: JSONValue) -> String? {
        if let chains = recorded["category_chains"]?.array, !chains.isEmpty {
            let leaf = chains.last { $0["is_leaf"]?.bool == true } ?? chains.last
            return RecordedText.usable(leaf?["id"])
        }
        return RecordedText.usable(recorded["category_id"])
    }

    /// `product_attributes[]{id, values[]{id}}` as attribute id → value ids; values given only
    /// by name (custom values) have no id to keep.
    static func attributes(_ recorded: [JSONValue]) -> [String: [String]] {
        var attributes: [String: [String]] = [:]
        for attribute in recorded {
            guard let id = RecordedText.usable(attribute["id"]) else { continue }
            let values = (attribute["values"]?.array ?? []).compactMap { RecordedText.usable($0["id"]) }
            if !values.isEmpty { attributes[id, default: []] += values }
        }
        return attributes
    }
}
