import ReplayJournal
import Scenarios

extension Clause {
    /// The `category_version` an entry sent (lower-cased), from where its operation takes it.
    static func categoryVersion(_ entry: JournalEntry, of operation: APIOperation, in evidence: ContractEvidence) -> String? {
        let value: String? =
            switch operation.categoryVersion {
            case .none: nil
            case .query: evidence.query(RequestParameter.categoryVersion, of: entry)
            case .body: evidence.body(of: entry)?[RequestParameter.categoryVersion]?.string
            }
        return value?.lowercased()
    }

    /// Whether an entry is a Search Products call, of any version, that named a tree (`v1` or `v2`).
    static func searches(_ entry: JournalEntry, tree: String, in evidence: ContractEvidence) -> Bool {
        guard let operation = entry.operation.flatMap(APIOperation.named), operation.searchesEitherTree else { return false }
        return categoryVersion(entry, of: operation, in: evidence) == tree
    }

    static let v2OnListing = Clause(
        id: "l7.v2-on-listing",
        title: "The eight listing APIs pass category_version=v2 in markets that require it",
        facts:
            "api-reference.md §3 (category_version on Get Categories, Recommend Category, Get Category Rules, Get Attributes, Get Brands, Create Product, Edit Product, Search Products) and §5 (UK, EU and JP move to the 7-level tree; v1 where v2 is required gives 12052217)",
        hint:
            "Send category_version=v2 (query on the four GETs and Search Products 202309, body on Recommend, Create, Edit, Partial Edit with a category_id and Search) for GB, DE, FR, IT, ES, IE and JP shops. Search Products may pass v1 on purpose, to find products not yet upgraded, but never leave it out."
    ) { evidence in
        let calls = evidence.clientRequests.filter { entry in
            guard let operation = entry.operation.flatMap(APIOperation.named), operation.isListing else { return false }
            // A partial edit that leaves the category alone need not name a tree.
            if operation.isPartialEdit && evidence.body(of: entry)?["category_id"] == nil { return false }
            return evidence.facts.requiresV2(cipher: entry.shopCipher, at: entry.scenarioTime)
        }
        guard !calls.isEmpty else { return .notExercised("no listing API was called on a shop whose market requires v2") }
        return .judged(
            calls.compactMap { entry in
                guard let operation = entry.operation.flatMap(APIOperation.named) else { return nil }
                let version = categoryVersion(entry, of: operation, in: evidence)
                let region = evidence.facts.shop(cipher: entry.shopCipher)?.region ?? "?"
                if operation.searchesEitherTree ? (version == "v1" || version == "v2") : version == "v2" { return nil }
                let sent = version.map { "category_version=\($0)" } ?? "no category_version"
                return ContractViolation(
                    message: "\(operation.id) sent \(sent) on a \(region) shop, whose market requires v2",
                    expected: operation.searchesEitherTree
                        ? "category_version v2 (or v1 on purpose, to find products not yet upgraded)" : "category_version=v2",
                    entries: [entry.id],
                    request: ContractEvidence.line(entry)
                )
            }
        )
    }

    /// The codes of a category id that is not a leaf of the tree the call names.
    static let leafErrorCodes: Set<Int> = [12052230, 12052024]

    static let v2LeafOnWrite = Clause(
        id: "l7.v2-leaf-on-write",
        title: "Create and Edit Product use leaf ids of the 7-level tree",
        facts:
            "api-reference.md §5: an id not in the named tree gives 12052230, a non-leaf 12052024; §3 Create/Edit Product take category_id with category_version",
        hint:
            "Take category_id from Get Categories (or Recommend Category) with category_version=v2 and use only leaves (is_leaf true); map a product's 3-level leaf to its 7-level successor before editing."
    ) { evidence in
        let writes = evidence.clientRequests.filter { entry in
            entry.operation.flatMap(APIOperation.named)?.writesProduct == true
                && evidence.body(of: entry)?["category_id"] != nil
        }
        guard !writes.isEmpty else { return .notExercised("no Create or Edit Product call named a category_id") }
        return .judged(
            writes.compactMap { entry in
                guard let code = entry.responseCode, leafErrorCodes.contains(code) else { return nil }
                let id = evidence.body(of: entry)?["category_id"]?.string ?? "?"
                return ContractViolation(
                    message: "\(entry.operation ?? "") used category_id \(id), which is not a leaf of the tree it named (answered \(code))",
                    expected: "a leaf id of the 7-level (v2) tree",
                    entries: [entry.id],
                    request: ContractEvidence.line(entry)
                )
            }
        )
    }

    /// The legacy Global Product APIs: global products, and the global category reads (Get
    /// Global Categories and Recommend, Get Global Attributes, Get Global Category Rules). The
    /// newer global_replicate flow and Get Global Listing Rules are not among them.
    static let legacyGlobalSegments: Set<Substring> = ["global_products", "global_categories", "global_attributes", "global_rules"]

    static func isLegacyGlobalCall(_ entry: JournalEntry) -> Bool {
        entry.path.split(separator: "/").contains { legacyGlobalSegments.contains($0) }
    }

    static let noLegacyGlobalProducts = Clause(
        id: "l7.no-legacy-global-products",
        title: "No legacy Global Product APIs for L7",
        severity: .warning,
        facts: "api-reference.md §5 GS POP: do not adapt L7 on the old Global Product APIs; they are slated for deprecation",
        hint: "List and edit through Create/Edit Product with category_version=v2 and the global_replicate flow, not the Global Product APIs."
    ) { evidence in
        let requests = evidence.clientRequests
        guard !requests.isEmpty else { return .notExercised("the client made no API request") }
        return .judged(
            requests.filter(isLegacyGlobalCall).map { entry in
                ContractViolation(
                    message: "called the legacy Global Product API \(entry.path)",
                    expected: "the Product APIs with category_version=v2",
                    entries: [entry.id],
                    request: ContractEvidence.line(entry)
                )
            }
        )
    }
}
