import Scenarios

/// The checks Create Product and Edit Product make, in the order the errors are reported:
/// title and description, the category against the tree and the market policy, the category's
/// permissions, the brand, images, SKUs, required attributes and certifications.
struct ListingValidator {
    /// A draft that passed: its leaf, the tree it is in, and what TikTok would warn about.
    struct Accepted {
        var leaf: Category
        var version: CategoryVersion
        var warnings: [String]
    }

    let market: MarketCatalogue
    let shop: Shop
    let versions: CategoryVersionRule

    /// Markets that allow 300 SKUs per product; the others allow 100.
    private static let largeSKULimit: Set<Region> = [.br, .mx, .jp, .gb, .us, .de, .es, .fr, .ie, .it, .nl, .be, .pl, .cz, .at, .gr, .pt, .hu]

    func validate(_ draft: ProductDraft, request: SimulatorRequest) throws(APIError) -> Accepted {
        guard let title = draft.title, !title.isEmpty else { throw APIError.invalidInput.detailed("(title is required)") }
        guard title.count <= 255 else { throw APIError.titleTooLong.detailed("(\(title.count) characters; at most 255)") }
        guard let description = draft.description, !description.isEmpty else { throw APIError.descriptionRequired }
        guard let categoryID = draft.categoryID, !categoryID.isEmpty else {
            throw APIError.incorrectCategoryFormat.detailed("(category_id is required)")
        }

        let version = try versions.version(of: request) ?? .v1
        try versions.enforce(version, isWrite: true)
        let leaf = try market.leaf(categoryID, in: version)
        try checkPermissions(leaf, version: version)
        try checkBrand(draft.brandID, leaf: leaf, version: version)

        let images = draft.mainImages ?? []
        guard (1...9).contains(images.count) else { throw APIError.mainImageRequired.detailed("(1 to 9 main_images; got \(images.count))") }
        try checkSKUs(draft.skus ?? [])

        let details = market.leaves[leaf.id]
        let given = Set((draft.productAttributes ?? []).filter { !$0.values.isEmpty }.map(\.id))
        if let missing = details?.requiredAttributes.first(where: { !given.contains($0.id) }) {
            throw APIError.propertyRequired.detailed("(\(missing.name), attribute \(missing.id))")
        }
        let certified = Set((draft.certifications ?? []).map(\.id))
        if let missing = details?.requiredCertifications.first(where: { !certified.contains($0.id) }) {
            throw APIError.qualificationMissing.detailed("(\(missing.name), certification \(missing.id))")
        }

        var warnings: [String] = []
        if details?.requiresSizeChart == true, draft.sizeChart == nil { warnings.append("A size chart is required for this category.") }
        if details?.requiresPackageDimensions == true, draft.packageDimensions == nil {
            warnings.append("Package dimensions are required for this category.")
        }
        return Accepted(leaf: leaf, version: version, warnings: warnings)
    }

    private func checkPermissions(_ leaf: Category, version: CategoryVersion) throws(APIError) {
        if leaf.isProhibited { throw APIError.categoryProhibited.detailed("(category \(leaf.id) \(leaf.localName))") }
        let qualified = market.tree(version).path(to: leaf.id).contains { shop.qualifiedCategories.contains($0.id) }
        if leaf.permissionStatuses.contains(.inviteOnly), !qualified {
            throw APIError.categoryRestricted.detailed("(category \(leaf.id) \(leaf.localName) is INVITE_ONLY)")
        }
        if leaf.permissionStatuses.contains(.nonMainCategory), !qualified {
            throw APIError.categoryNotMain.detailed("(category \(leaf.id) \(leaf.localName))")
        }
    }

    private func checkBrand(_ brandID: String?, leaf: Category, version: CategoryVersion) throws(APIError) {
        guard let brandID, !brandID.isEmpty else { return }
        guard let brand = market.brands.first(where: { $0.id == brandID }) else { throw APIError.brandNotFound.detailed("(brand_id \(brandID))") }
        let root = market.tree(version).path(to: leaf.id).first?.id ?? leaf.id
        guard brand.isAuthorized, brand.brandStatus == "AVAILABLE", brand.covers(rootID: root) else {
            throw APIError.brandNotAuthorized.detailed("(\(brand.name) for category \(leaf.id))")
        }
    }

    private func checkSKUs(_ skus: [ProductDraft.SKU]) throws(APIError) {
        guard !skus.isEmpty else { throw APIError.invalidInput.detailed("(at least one SKU is required)") }
        let limit = Self.largeSKULimit.contains(market.region) ? 300 : 100
        guard skus.count <= limit else { throw APIError.tooManySKUs.detailed("(\(skus.count); at most \(limit) in \(market.region.rawValue))") }
        for sku in skus {
            if let currency = sku.price?.currency, currency != market.currency {
                throw APIError.invalidInput.detailed("(price currency \(currency); \(market.region.rawValue) prices are in \(market.currency))")
            }
            for inventory in sku.inventory ?? [] where !(1...99_999).contains(inventory.quantity) {
                throw APIError.invalidInput.detailed("(inventory quantity \(inventory.quantity); 1 to 99999)")
            }
        }
    }
}
