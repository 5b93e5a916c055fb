import Scenarios

extension ListingRule {
    /// Every listing rule, in the order Create Product reports the first failure (reference
    /// section 7 and the Create Product error table, `docs/error-messages.json`).
    static let all: [ListingRule] = [
        crossBorderSeller, titlePresent, titleLength, descriptionPresent, category, categoryPermission, brand, mainImages, skusPresent,
        skuCount, skuCurrency, skuInventory, skuPriceAndStock, sellerSKU, salesAttributes, requiredAttributes, conditionalAttributes,
        attributeValues, certifications, sizeChart, packageDimensions, fieldFormats, manufacturer, responsiblePerson, replicasSynced,
    ]

    /// A cross-border seller cannot create a local product directly.
    static let crossBorderSeller = ListingRule("seller.cross-border", codes: [12052701], needsLeaf: false) { subject in
        subject.creates && subject.shop.sellerType == .crossBorder ? [.problem(.crossBorderLocalProduct)] : []
    }

    static let titlePresent = ListingRule("title.present", codes: [12052261], needsLeaf: false) { subject in
        // A title of spaces names nothing either.
        (subject.draft.title ?? "").allSatisfy(\.isWhitespace) ? [.problem(.productNameEmpty)] : []
    }

    /// Title length per market: 1–255 in DE ES FR IE IT JP GB US, 1–300 in BR and MX, 25–255
    /// elsewhere (the SDK's `CreateProductRequest.title`).
    static let titleLength = ListingRule("title.length", codes: [12052051, 12052910], needsLeaf: false) { subject in
        guard let title = subject.draft.title, !title.allSatisfy(\.isWhitespace) else { return [] }
        let limits = titleLimits(subject.market.region)
        if title.count > limits.upperBound { return [.problem(.titleTooLong)] }
        if title.count < limits.lowerBound { return [.problem(.invalidInput)] }
        return []
    }

    static func titleLimits(_ region: Region) -> ClosedRange<Int> {
        switch region {
        case .de, .es, .fr, .ie, .it, .jp, .gb, .us: 1...255
        case .br, .mx: 1...300
        default: 25...255
        }
    }

    static let descriptionPresent = ListingRule("description.present", codes: [12052015], needsLeaf: false) { subject in
        (subject.draft.description ?? "").isEmpty ? [.problem(.descriptionRequired)] : []
    }

    /// `category_id` present, `category_version` valid and allowed, the id a leaf of the named tree.
    static let category = ListingRule(
        "category.leaf",
        codes: [12052002, 98001004, 12052217, 12052230, 12052023, 12052024],
        needsLeaf: false
    ) { subject in
        if case .failure(let error) = subject.placement { return [.problem(error)] }
        return []
    }

    static let categoryPermission = ListingRule("category.permission", codes: [12052220, 12052223, 12052225]) { subject in
        guard let placement = try? subject.placement.get() else { return [] }
        let leaf = placement.leaf
        if leaf.isProhibited { return [.problem(.categoryProhibited)] }
        let qualified = subject.market.tree(placement.version).path(to: leaf.id).contains { subject.shop.qualifiedCategories.contains($0.id) }
        // US sellers may create in INVITE_ONLY categories (the product then waits for approval).
        if leaf.permissionStatuses.contains(.inviteOnly), !qualified, subject.market.region != .us { return [.problem(.categoryRestricted)] }
        if leaf.permissionStatuses.contains(.nonMainCategory), !qualified { return [.problem(.categoryNotMain)] }
        return []
    }

    /// A known brand; a tier-1 brand only where the shop is authorised for it. An unauthorised
    /// brand that is not tier-1 is accepted (production lists the product without showing
    /// the brand), with a warning.
    static let brand = ListingRule("brand.authorized", codes: [12052026, 12052201]) { subject in
        guard let brandID = subject.draft.brandID, !brandID.isEmpty, let placement = try? subject.placement.get() else { return [] }
        guard let brand = subject.market.brands.first(where: { $0.id == brandID }) else { return [.problem(.brandNotFound)] }
        let root = subject.market.tree(placement.version).path(to: placement.leaf.id).first?.id ?? placement.leaf.id
        let usable = brand.isAuthorized && brand.brandStatus == "AVAILABLE" && brand.covers(rootID: root)
        if usable { return [] }
        if brand.isT1Brand { return [.problem(.brandNotAuthorized)] }
        return [.warning("The brand \(brand.name) is not authorized for this category: the product is listed, and the brand is not displayed.")]
    }

    /// 1 to 9 main images.
    static let mainImages = ListingRule("main-images.count", codes: [12052028, 12052306], needsLeaf: false) { subject in
        let count = subject.draft.mainImages?.count ?? 0
        if count == 0 { return [.problem(.mainImageRequired)] }
        return count > 9 ? [.problem(.mainImagesTooMany)] : []
    }

    static let skusPresent = ListingRule("skus.present", codes: [12052910], needsLeaf: false) { subject in
        (subject.draft.skus ?? []).isEmpty ? [.problem(.invalidInput)] : []
    }

    /// Markets that allow 300 SKUs per product; the others allow 100.
    static let largeSKULimit: Set<Region> = [.br, .mx, .jp, .gb, .us, .de, .es, .fr, .ie, .it, .nl, .be, .pl, .cz, .at, .gr, .pt, .hu]

    static let skuCount = ListingRule("skus.count", codes: [12052050], needsLeaf: false) { subject in
        let limit = largeSKULimit.contains(subject.market.region) ? 300 : 100
        return (subject.draft.skus ?? []).count > limit ? [.problem(.tooManySKUs)] : []
    }

    /// Prices in the market's currency.
    static let skuCurrency = ListingRule("skus.currency", codes: [12052084], needsLeaf: false) { subject in
        let foreign = (subject.draft.skus ?? []).contains { sku in sku.price.map { $0.currency != subject.market.currency } ?? false }
        return foreign ? [.problem(.currencyUnavailable)] : []
    }

    /// Every warehouse quantity within 1–99,999.
    static let skuInventory = ListingRule("skus.inventory", codes: [12052055], needsLeaf: false) { subject in
        let outside = (subject.draft.skus ?? []).contains { sku in (sku.inventory ?? []).contains { !(1...99_999).contains($0.quantity) } }
        return outside ? [.problem(.inventoryOutOfRange)] : []
    }

    /// Every attribute the leaf marks `is_requried` has a value.
    static let requiredAttributes = ListingRule("attributes.required", codes: [12052104]) { subject in
        let given = subject.givenAttributeValues
        return (subject.details?.requiredAttributes ?? []).filter { given[$0.id] == nil }.map { _ in .problem(.propertyRequired) }
    }

    /// An attribute whose `requirement_conditions` match a value the draft selected has a value.
    static let conditionalAttributes = ListingRule("attributes.conditional", codes: [12052182]) { subject in
        guard let details = subject.details else { return [] }
        let given = subject.givenAttributeValues
        return details.conditionalAttributes.compactMap { conditional in
            guard given[conditional.id] == nil,
                let condition = conditional.conditions.first(where: { given[$0.attributeID]?.contains($0.valueID) == true })
            else { return nil }
            let parent = details.attributes.first { $0["id"]?.string == condition.attributeID }
            let value = parent?["values"]?.array?.first { $0["id"]?.string == condition.valueID }
            return .problem(
                APIError.conditionalPropertyRequired.filling([
                    "sub_property_name": conditional.name,
                    "parent_property_value": value?["name"]?.string ?? condition.valueID,
                    "parent_property_name": parent?["name"]?.string ?? condition.attributeID,
                ])
            )
        }
    }

    /// Every certification the rules mark required is given.
    static let certifications = ListingRule("certifications.required", codes: [12052105]) { subject in
        let given = Set((subject.draft.certifications ?? []).map(\.id))
        return (subject.details?.requiredCertifications ?? []).filter { !given.contains($0.id) }.map { _ in .problem(.qualificationMissing) }
    }

    /// A size chart (an image or a template of Search Size Charts) where the rules require
    /// one; a template id must be one of the shop's.
    static let sizeChart = ListingRule("size-chart.required", codes: [12052673, 12052128]) { subject in
        guard let details = subject.details else { return [] }
        let chart = subject.draft.sizeChart
        if let template = chart?.template?.id, !template.isEmpty,
            !SizeChartLibrary(market: subject.market).templates.contains(where: { $0.id == template })
        {
            return [.problem(.sizeChartNotFound)]
        }
        let given = !(chart?.image?.uri ?? "").isEmpty || !(chart?.template?.id ?? "").isEmpty
        return details.requiresSizeChart && !given ? [.problem(.sizeChartRequired)] : []
    }

    /// Package dimensions where the rules require them: a warning, as the reference gives no code.
    static let packageDimensions = ListingRule("package-dimensions.required", codes: []) { subject in
        subject.details?.requiresPackageDimensions == true && subject.draft.echoed["package_dimensions"] == nil
            ? [.warning("Package dimensions are required for this category.")] : []
    }

    /// `manufacturer_ids` where Get Category Rules requires a manufacturer; every id one the
    /// seller registered.
    static let manufacturer = ListingRule("compliance.manufacturer", codes: [12052282, 12052284]) { subject in
        let ids = subject.draft.manufacturerIDs ?? []
        if let unknown = ids.first(where: { !subject.compliance.contains(.manufacturer, id: $0) }) {
            return [.problem(APIError.manufacturerNotFound.filling(["manufacturer_id": unknown]))]
        }
        return subject.details?.requiresManufacturer == true && ids.isEmpty ? [.problem(.manufacturerRequired)] : []
    }

    /// `responsible_person_ids` where Get Category Rules requires a responsible person; every
    /// id one the seller registered.
    static let responsiblePerson = ListingRule("compliance.responsible-person", codes: [12052287, 12052289]) { subject in
        let ids = subject.draft.responsiblePersonIDs ?? []
        if let unknown = ids.first(where: { !subject.compliance.contains(.responsiblePerson, id: $0) }) {
            return [.problem(APIError.responsiblePersonNotFound.filling(["rp_id": unknown]))]
        }
        return subject.details?.requiresResponsiblePerson == true && ids.isEmpty ? [.problem(.responsiblePersonRequired)] : []
    }
}

extension ListingRule {
    /// An edit that moves a product with local replicas to another category syncs the change
    /// to every replica's market through `replicated_products` ("otherwise, the API call
    /// fails"; no code is documented, so the catch-all).
    static let replicasSynced = ListingRule("replicas.synced", codes: [12052910]) { subject in
        guard case .edit(let existing) = subject.write, let leaf = subject.leaf, leaf.id != existing.categoryID else { return [] }
        let synced = Set((subject.draft.replicatedProducts ?? []).compactMap(\.region))
        return existing.replicaRegions.contains { !synced.contains($0.rawValue) } ? [.problem(.invalidInput)] : []
    }
}

extension ListingSubject {
    /// The value ids (or names) the draft gives per attribute id; attributes without a value are left out.
    var givenAttributeValues: [String: Set<String>] {
        var given: [String: Set<String>] = [:]
        for attribute in draft.productAttributes ?? [] where !attribute.values.isEmpty {
            given[attribute.id, default: []].formUnion(attribute.values.compactMap { $0.id ?? $0.name })
        }
        return given
    }
}
