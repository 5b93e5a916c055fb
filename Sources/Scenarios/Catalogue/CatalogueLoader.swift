import Foundation

/// Reads one market folder and checks that its files agree with each other.
///
/// The fast path is `JSONDecoder`; only when something is wrong is a file parsed again as YAML,
/// to point at the line and column of the problem.
struct CatalogueLoader {
    let folder: URL
    let region: Region

    func load() throws(DiagnosticError) -> MarketCatalogue {
        let market = try decode(CatalogueFiles.Market.self, "market.json")
        if market.region != region.rawValue {
            throw problem("market.json", ["region"], "the folder is \(region.rawValue) but market.json says '\(market.region)'")
        }
        let v1 = try tree(.v1)
        let v2 = try tree(.v2)
        let upgradeMap = try decode([String: String].self, "v1-to-v2.json")
        let leavesFile = try decode(CatalogueFiles.Leaves.self, "leaves.json")
        let brands = try decode(CatalogueFiles.Brands.self, "brands.json").brands

        try checkTree(v1, file: "v1/categories.json", depth: 3...3)
        try checkTree(v2, file: "v2/categories.json", depth: 1...7)
        for leaf in v1.leaves {
            guard let target = upgradeMap[leaf.id] else {
                throw problem("v1-to-v2.json", [], "v1 leaf '\(leaf.id)' (\(leaf.localName)) has no v2 leaf")
            }
            guard v2[target]?.isLeaf == true else { throw problem("v1-to-v2.json", [leaf.id], "'\(target)' is not a leaf of the v2 tree") }
        }
        for source in upgradeMap.keys where v1[source]?.isLeaf != true {
            throw problem("v1-to-v2.json", [source], "'\(source)' is not a leaf of the v1 tree")
        }

        var leaves: [String: LeafDetails] = [:]
        for leaf in v1.leaves + v2.leaves {
            guard let entry = leavesFile.leaves[leaf.id] else {
                throw problem("leaves.json", ["leaves"], "leaf '\(leaf.id)' (\(leaf.localName)) has no entry")
            }
            guard let profile = leavesFile.profiles[entry.profile] else {
                throw problem("leaves.json", ["leaves", leaf.id, "profile"], "no profile named '\(entry.profile)'")
            }
            leaves[leaf.id] = LeafDetails(profile: entry.profile, keywords: entry.keywords, attributes: profile.attributes, rules: profile.rules)
        }
        return MarketCatalogue(
            region: region,
            locale: market.locale,
            currency: market.currency,
            v1: v1,
            v2: v2,
            upgradeMap: upgradeMap,
            leaves: leaves,
            brands: brands.sorted { $0.name < $1.name }
        )
    }

    private func tree(_ version: CategoryVersion) throws(DiagnosticError) -> CategoryTree {
        let file = "\(version.rawValue)/categories.json"
        let categories = try decode(CatalogueFiles.Categories.self, file).categories
        do {
            return try CategoryTree(version: version, categories: categories)
        } catch {
            throw problem(file, ["categories", "\(error.position)"], error.message)
        }
    }

    /// Leaves exactly where nodes have no children, within the depth range.
    private func checkTree(_ tree: CategoryTree, file: String, depth: ClosedRange<Int>) throws(DiagnosticError) {
        let parents = Set(tree.categories.map(\.parentID))
        for (position, category) in tree.categories.enumerated() {
            if category.isLeaf == parents.contains(category.id) {
                let message =
                    category.isLeaf
                    ? "'\(category.id)' is marked a leaf but has children" : "'\(category.id)' has no children but is not marked a leaf"
                throw problem(file, ["categories", "\(position)", "is_leaf"], message)
            }
            if category.permissionStatuses.isEmpty {
                throw problem(file, ["categories", "\(position)", "permission_statuses"], "'\(category.id)' has no permission status")
            }
            if category.isLeaf, !depth.contains(tree.path(to: category.id).count) {
                throw problem(
                    file,
                    ["categories", "\(position)"],
                    "leaf '\(category.id)' is at level \(tree.path(to: category.id).count); leaves of this tree sit at levels \(depth.lowerBound)–\(depth.upperBound)"
                )
            }
        }
    }

    // MARK: - Files and diagnostics

    private func decode<T: Decodable>(_ type: T.Type, _ name: String) throws(DiagnosticError) -> T {
        let url = folder.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: url.path) {
            throw DiagnosticError([Diagnostic(file: url.path, line: 0, column: 0, keyPath: "", message: "missing catalogue file")])
        }
        let data = try Data(TextFile.bytes(at: url, displayName: url.path))
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            // Slow path: decode again through the YAML reader, which locates the problem.
            let document = try YAMLDocument(contentsOf: url)
            _ = try document.decode(type)
            throw DiagnosticError([Diagnostic(file: url.path, line: 0, column: 0, keyPath: "", message: "not valid JSON: \(error)")])
        }
    }

    private func problem(_ name: String, _ path: [String], _ message: String) -> DiagnosticError {
        let url = folder.appendingPathComponent(name)
        guard let document = try? YAMLDocument(contentsOf: url) else {
            return DiagnosticError([Diagnostic(file: url.path, line: 0, column: 0, keyPath: path.joined(separator: "."), message: message)])
        }
        return DiagnosticError([document.diagnostic(at: path.map(PathKey.init), message: message)])
    }
}
