import Foundation

/// The checks that need more than one key: duplicates, references between shops and products,
/// and products against the catalogue. Collects every problem, each located in the file.
///
/// They run on what decoding read: an element that did not fit is nil and takes part in no
/// check, and a check that needs a whole list (does a product of this id exist?) is left out
/// when the list was not read whole, so that one problem is never reported again as another.
struct ScenarioChecker {
    let document: YAMLDocument
    var problems: [Diagnostic] = []

    init(document: YAMLDocument) {
        self.document = document
    }

    mutating func problem(_ path: [String], _ message: String) {
        problems.append(document.diagnostic(at: path.map(PathKey.init), message: message))
    }

    func throwIfAny() throws(DiagnosticError) {
        if !problems.isEmpty { throw DiagnosticError(problems) }
    }

    /// Whether a top-level key was read: no problem was found at it (a problem inside it is
    /// another matter; see ``isWhole(_:key:)``).
    func isRead(_ key: ScenarioFile.CodingKeys) -> Bool {
        !problems.contains { $0.keyPath == key.stringValue }
    }

    /// Whether a top-level list was read whole: absent (so the defaults hold), or a list whose
    /// every element was read.
    func isWhole<Element>(_ list: [Element?]?, key: ScenarioFile.CodingKeys) -> Bool {
        guard let list else { return isRead(key) }
        return !list.contains { $0 == nil }
    }

    /// Loads each named cassette: a file relative to the scenario, or a shipped cassette's name.
    /// A broken cassette's own diagnostics are kept, each at its place in the cassette file.
    mutating func cassettes(_ references: [String?], relativeTo base: URL) -> [Cassette] {
        var cassettes: [Cassette] = []
        var named: [String: Int] = [:]  // each file's first reference, by its resolved path
        for (index, reference) in references.enumerated() {
            guard let reference else { continue }
            let file = URL(fileURLWithPath: reference, relativeTo: base).standardizedFileURL
            let url: URL
            if FileManager.default.fileExists(atPath: file.path) {
                url = file
            } else if let builtIn = Cassette.builtInURL(named: reference) {
                url = builtIn
            } else {
                var message = "no cassette file at \(file.path) and no built-in cassette named '\(reference)'"
                if let suggestion = DidYouMean.suggestion(for: reference, among: Cassette.builtInNames) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problem(["cassettes", "\(index)"], message)
                continue
            }
            let key = url.resolvingSymlinksInPath().path
            if let first = named[key] {
                problem(["cassettes", "\(index)"], "names the same cassette as cassettes[\(first)] (\(url.path)); name each file once")
                continue
            }
            named[key] = index
            do {
                cassettes.append(try Cassette.load(contentsOf: url))
            } catch {
                problems += error.diagnostics
            }
        }
        return cassettes
    }

    /// Shops and tokens: at least one of each (when the shops were read), no shop id or cipher twice.
    mutating func check(shops: [Shop?], read shopsRead: Bool, tokens: [AccessToken?]) {
        if shops.isEmpty && shopsRead { problem(["shops"], "a scenario needs at least one shop") }
        if tokens.isEmpty { problem(["access_tokens"], "a scenario needs at least one access token") }
        var ids: Set<String> = []
        var ciphers: Set<String> = []
        for (index, shop) in shops.enumerated() {
            guard let shop else { continue }
            if !ids.insert(shop.id).inserted { problem(["shops", "\(index)", "id"], "duplicate shop id '\(shop.id)'") }
            if !ciphers.insert(shop.cipher).inserted { problem(["shops", "\(index)", "cipher"], "duplicate shop cipher '\(shop.cipher)'") }
        }
    }

    mutating func policies(_ entries: [String: MarketPolicy?]) -> [Region: MarketPolicy] {
        var policies: [Region: MarketPolicy] = [:]
        for (key, policy) in entries {
            guard let region = Region(rawValue: key) else {
                var message = "'\(key)' is not a market region code"
                if let suggestion = DidYouMean.suggestion(for: key, among: Region.allCases.map(\.rawValue)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problem(["market_policy", key], message)
                continue
            }
            if let policy { policies[region] = policy }
        }
        return policies
    }

    /// Resolves each product's shop (the only shop when there is one); nil for a product that
    /// was not read. A product whose shop is unknown gets an empty shop id, which no shop has.
    mutating func products(_ entries: [ProductEntry?], shops: [Shop?], shopsRead: Bool) -> [Product?] {
        var products: [Product?] = []
        var seen: Set<String> = []
        for (index, entry) in entries.enumerated() {
            guard let entry else {
                products.append(nil)
                continue
            }
            if !seen.insert(entry.id).inserted { problem(["products", "\(index)", "id"], "duplicate product id '\(entry.id)'") }
            var shopID = shops.first??.id ?? ""
            if let named = entry.shop {
                shopID = named
                if shopsRead && !shops.contains(where: { $0?.id == named }) {
                    problem(["products", "\(index)", "shop"], "no shop with id '\(named)' in this scenario")
                }
            } else if shops.count > 1 {
                problem(["products", "\(index)"], "the scenario has several shops; name this product's shop with 'shop'")
            }
            if entry.liveFor.milliseconds < 0 {
                problem(["products", "\(index)", "live_for"], "live_for is the product's age at the start and cannot be negative")
            }
            products.append(
                Product(
                    id: entry.id,
                    shopID: shopID,
                    title: entry.title,
                    categoryID: entry.categoryID,
                    categoryVersion: entry.categoryVersion,
                    brandID: entry.brandID,
                    status: entry.status,
                    liveFor: entry.liveFor,
                    attributes: entry.attributes,
                    replicatedTo: entry.replicatedTo
                )
            )
        }
        return products
    }

    /// Each product's category must be a leaf of its tree in its shop's market.
    mutating func check(products: [Product?], shops: [Shop?], catalogue: Catalogue) {
        var markets: [Region: MarketCatalogue] = [:]
        for region in Set(shops.compactMap { $0?.region }) {
            do {
                markets[region] = try catalogue.market(region)
            } catch {
                // The scenario's `catalogue` key when it names one, else the shop's region.
                let place = isRead(.catalogue) ? ["catalogue"] : ["shops", "\(shops.firstIndex { $0?.region == region } ?? 0)", "region"]
                let folder = catalogue.directory.appendingPathComponent(region.rawValue).path
                if FileManager.default.fileExists(atPath: folder) {
                    // A broken catalogue file: its problems at their places in it, and a pointer here.
                    problems += error.diagnostics
                    let count = error.diagnostics.count
                    problem(
                        place,
                        "the \(region.rawValue) catalogue in \(folder) has \(count) \(count == 1 ? "problem" : "problems"), reported at \(count == 1 ? "its place" : "their places")"
                    )
                } else {
                    problem(place, error.diagnostics.map(\.message).joined(separator: "; "))
                }
            }
        }
        for (index, product) in products.enumerated() {
            guard let product, let shop = shops.first(where: { $0?.id == product.shopID }) ?? nil, let market = markets[shop.region] else {
                continue
            }
            let tree = market.tree(product.categoryVersion)
            let path = ["products", "\(index)", "category_id"]
            if let category = tree[product.categoryID] {
                if !category.isLeaf {
                    problem(
                        path,
                        "category '\(product.categoryID)' (\(category.localName)) is not a leaf of the \(shop.region.rawValue) \(product.categoryVersion.rawValue) tree"
                    )
                }
            } else {
                let other: CategoryVersion = product.categoryVersion == .v1 ? .v2 : .v1
                let hint =
                    market.tree(other).contains(product.categoryID)
                    ? "; it is in the \(other.rawValue) tree: set category_version: \(other.rawValue)" : ""
                problem(
                    path,
                    "category '\(product.categoryID)' is not in the \(shop.region.rawValue) \(product.categoryVersion.rawValue) tree\(hint)"
                )
            }
            if let brandID = product.brandID, !market.brands.contains(where: { $0.id == brandID }) {
                problem(["products", "\(index)", "brand_id"], "no brand '\(brandID)' in the \(shop.region.rawValue) catalogue")
            }
        }
    }

    /// Failures and drops must name products of the scenario.
    mutating func check(upgrade: UpgradeBehaviour, webhooks: WebhookBehaviour, products: [Product?]) {
        let ids = Set(products.compactMap { $0?.id })
        for (index, failure) in upgrade.failures.enumerated() where !ids.contains(failure.productID) {
            problem(["upgrade", "failures", "\(index)", "product"], "no product with id '\(failure.productID)' in this scenario")
        }
        for id in webhooks.dropped.sorted() where !ids.contains(id) {
            problem(["webhooks", "drop"], "no product with id '\(id)' in this scenario")
        }
    }

    /// Audit failures must name products of the scenario.
    mutating func check(audit: AuditBehaviour, products: [Product?]) {
        let ids = Set(products.compactMap { $0?.id })
        for (index, failure) in audit.failures.enumerated() where !ids.contains(failure.productID) {
            problem(["audit", "failures", "\(index)", "product"], "no product with id '\(failure.productID)' in this scenario")
        }
    }
}
