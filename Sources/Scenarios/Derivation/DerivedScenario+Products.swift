import Foundation

extension DerivedScenario {
    /// What to do about a product whose category the catalogue does not have as a leaf.
    static let unknownCategoryAdvice =
        "real shops use TikTok category ids the built-in catalogue may lack: add the category to a catalogue folder "
        + "(docs/catalogue.md) and derive again with --catalogue DIR, or add the product by hand on a leaf of the catalogue"

    /// Each product read, in its shop, on a leaf of its shop market's catalogue; the others left
    /// out with the reason and what to do.
    ///
    /// - Parameters:
    ///   - standIn: Whether a category the catalogue lacks gets a stand-in leaf.
    ///   - earliest: Whether the first search's tree says which tree a stood-in product starts on.
    mutating func assembleProducts(
        _ evidence: ProductEvidence,
        categories: CategoryEvidence,
        markets: [Region: MarketCatalogue],
        standIn: Bool,
        earliest: Bool
    ) {
        let byCipher = Dictionary(shops.enumerated().map { ($0.element.shop.cipher, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let brandIDs = markets.mapValues { Set($0.brands.map(\.id)) }
        for entry in evidence.entries {
            let sources =
                entry.sources.map(\.description).joined(separator: ", ")
                + (entry.sourceCount > entry.sources.count ? " and \(entry.sourceCount - entry.sources.count) more" : "")
            let label = "product \(entry.id)" + (entry.title.map { " (\($0))" } ?? "")
            func leaveOut(_ reason: String) {
                productsLeftOut.append("\(label) left out: \(reason); read at \(sources)")
                notes.append(DerivationNote(.warning, "\(label) left out: \(reason)", at: entry.categorySource ?? entry.sources.last))
            }
            guard let part = shop(cipher: entry.cipher, byCipher: byCipher), let market = markets[part.shop.region] else {
                leaveOut(
                    "its shop is unknown (shop_cipher \(entry.cipher.map { "'\($0)'" } ?? "missing or redacted") names none of the recorded shops)"
                )
                continue
            }
            guard let recordedCategory = entry.categoryID, let categorySource = entry.categorySource else {
                leaveOut("no answer gave its category; record a Get Product (GET /product/202309/products/\(entry.id)) for it")
                continue
            }
            let region = part.shop.region.rawValue
            var categoryID = recordedCategory
            var comments: [String: String] = ["category_id": "the leaf of \(categorySource)"]
            if standIn, market.v1[categoryID]?.isLeaf != true, market.v2[categoryID]?.isLeaf != true {
                let listed = categories.trees[categoryID]?.version
                let version = (earliest ? entry.versionHint ?? listed : listed ?? entry.versionHint) ?? .v1
                if let leaf = Self.standIn(version, in: market) {
                    categoryStandIns[categoryID] = leaf
                    comments["category_id"] =
                        "stands in for \(categoryID) (the leaf of \(categorySource)), which the \(region) catalogue does not have"
                    categoryID = leaf
                }
            }
            let inV1 = market.v1[categoryID]?.isLeaf == true
            let inV2 = market.v2[categoryID]?.isLeaf == true
            let version: CategoryVersion
            switch (inV1, inV2) {
            case (true, true):
                version = entry.versionHint ?? .v1
                comments["category_version"] =
                    entry.versionSource.map { "a search with category_version \(version.rawValue) listed it, \($0)" }
                    ?? "both \(region) trees hold \(categoryID); no search said which: the default"
            case (true, false), (false, true):
                version = inV1 ? .v1 : .v2
                comments["category_version"] = "the \(region) \(version.rawValue) tree holds \(categoryID)"
                if let hint = entry.versionHint, hint != version, let source = entry.versionSource {
                    notes.append(
                        DerivationNote(
                            .warning,
                            "\(label): a search with category_version \(hint.rawValue) listed it, but its category \(categoryID) is a leaf of the \(version.rawValue) tree; \(version.rawValue) is kept",
                            at: source
                        )
                    )
                }
            case (false, false):
                let placement = market.v1.contains(categoryID) || market.v2.contains(categoryID) ? "is not a leaf of" : "is in neither tree of"
                leaveOut("category \(categoryID) \(placement) the \(region) catalogue; \(Self.unknownCategoryAdvice)")
                continue
            }
            var brandID = entry.brandID
            if let brand = brandID, brandIDs[part.shop.region]?.contains(brand) != true {
                brandID = nil
                comments["brand"] =
                    "brand \(brand) of \(entry.brandSource?.description ?? "the recording") is not in the \(region) catalogue: left out"
                notes.append(
                    DerivationNote(
                        .warning,
                        "\(label): brand \(brand) is not in the \(region) catalogue; the product is kept without it",
                        at: entry.brandSource
                    )
                )
            }
            if entry.title == nil { comments["title"] = "no answer gave a usable title (missing or redacted)" }
            if entry.status == nil { comments["status"] = "no answer gave a status: the default" }
            let liveFor: HumanDuration
            if let created = entry.createTime {
                let age = Int64(clockStart.timeIntervalSince1970) - created
                liveFor = HumanDuration(seconds: max(0, age))
                comments["live_for"] =
                    age < 0
                    ? "create_time \(created) is after the clock start: 0s" : "the clock start less create_time \(created)"
            } else {
                liveFor = HumanDuration(seconds: 7 * 86_400)
                comments["live_for"] = "no answer gave create_time: the default"
            }
            let product = Product(
                id: entry.id,
                shopID: part.shop.id,
                title: entry.title ?? "Product \(entry.id)",
                categoryID: categoryID,
                categoryVersion: version,
                brandID: brandID,
                status: entry.status ?? .activate,
                liveFor: liveFor,
                attributes: entry.attributes
            )
            products.append(ProductPart(product: product, comment: "from \(sources)", fieldComments: comments))
        }
    }

    /// The leaf that stands in for an unknown category of a tree: of the upgrade map's pairs (by
    /// v1 id), the first whose two leaves require no attribute, so that a recorded write is not
    /// refused for the stand-in's own rules; the v1 leaf or the v2 leaf it moves to, so that
    /// stand-ins upgrade as real ones do.
    static func standIn(_ version: CategoryVersion, in market: MarketCatalogue) -> String? {
        func undemanding(_ leaf: String) -> Bool {
            guard let details = market.leaves[leaf] else { return true }
            return details.requiredAttributes.isEmpty && details.conditionalAttributes.isEmpty
        }
        let pairs = market.upgradeMap.sorted { $0.key < $1.key }
        guard let pair = pairs.first(where: { undemanding($0.key) && undemanding($0.value) }) ?? pairs.first else { return nil }
        return version == .v1 ? pair.key : pair.value
    }

    /// A stand-in for every category a recorded Get Categories answer listed that the
    /// catalogue of its shop's market does not have as a leaf.
    mutating func assembleStandIns(_ categories: CategoryEvidence, markets: [Region: MarketCatalogue]) {
        let regions = Dictionary(shops.map { ($0.shop.cipher, $0.shop.region) }, uniquingKeysWith: { first, _ in first })
        for (id, tree) in categories.trees {
            guard let region = tree.cipher.flatMap({ regions[$0] }) ?? shops.first?.shop.region, let market = markets[region] else { continue }
            let known = tree.version == .v1 ? market.v1[id] : market.v2[id]
            if known == nil, let leaf = Self.standIn(tree.version, in: market) { categoryStandIns[id] = leaf }
        }
    }
}
