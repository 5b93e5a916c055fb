import Foundation
import Scenarios

/// Get Categories, Recommend Category, Get Category Rules, Get Attributes and Get Brands,
/// answered from the shop's market catalogue.
struct CatalogueHandlers: Sendable {
    let market: MarketCatalogue
    let versions: CategoryVersionRule
    /// The answers encoded once.
    let answers: CatalogueAnswers

    /// What a Get Categories call asks for, once its parameters are checked: the answer depends
    /// on nothing else.
    struct CategorySelection: Hashable, Sendable {
        var version: CategoryVersion
        var includeProhibited: Bool
        var keyword: String?
    }

    /// `GET /product/202309/categories`: encoded once per tree and prohibited flag; per request
    /// with a `keyword`.
    func categories(_ request: SimulatorRequest) throws(APIError) -> any Encodable & Sendable {
        let selection = try categorySelection(request)
        guard selection.keyword == nil else { return categories(selection) }
        return answers.payload(for: .categories(market.region, selection.version, includeProhibited: selection.includeProhibited)) {
            categories(selection)
        }
    }

    /// Checks the parameters of `GET /product/202309/categories`.
    func categorySelection(_ request: SimulatorRequest) throws(APIError) -> CategorySelection {
        let version = try readVersion(request)
        let includeProhibited = try flag(request.query, "include_prohibited_categories")
        if let locale = request.query["locale"], !locale.isEmpty, !Self.locales.contains(locale) {
            throw APIError.invalidParameter("locale", reason: "'\(locale.prefix(16))' is not a supported locale", expected: "a locale such as en-GB")
        }
        if let platform = request.query["listing_platform"], !["TIKTOK_SHOP", "TOKOPEDIA"].contains(platform) {
            throw APIError.invalidParameter("listing_platform", reason: "unknown platform", expected: "TIKTOK_SHOP or TOKOPEDIA")
        }
        let keyword = request.query["keyword"]?.lowercased()
        return CategorySelection(version: version, includeProhibited: includeProhibited, keyword: keyword?.isEmpty == false ? keyword : nil)
    }

    /// `GET /product/202309/categories`: the flat tree; PROHIBITED nodes (and what lies under
    /// them) only with `include_prohibited_categories=true`; `keyword` filters `local_name`.
    func categories(_ selection: CategorySelection) -> CategoryList {
        let version = selection.version
        let includeProhibited = selection.includeProhibited
        var hidden: Set<String> = []
        var categories: [Category] = []
        for category in market.tree(version).categories {
            if hidden.contains(category.parentID) || (!includeProhibited && category.isProhibited) {
                hidden.insert(category.id)
                continue
            }
            categories.append(category)
        }
        if let keyword = selection.keyword {
            categories = categories.filter { $0.localName.lowercased().contains(keyword) }
        }
        return CategoryList(categories: categories)
    }

    /// `POST /product/202309/categories/recommend`: the best leaf for `product_title`, with its path.
    func recommend(_ request: SimulatorRequest) throws(APIError) -> RecommendedCategory {
        let version = try readVersion(request)
        guard let title = request.body?["product_title"]?.string, !title.isEmpty else {
            throw APIError.invalidParameter("product_title", reason: "missing", expected: "the product's title")
        }
        let range = Self.titleLengths[market.region] ?? 25...255
        guard range.contains(title.count) else {
            throw APIError.invalidParameter(
                "product_title",
                reason: "\(title.count) characters",
                expected: "\(range.lowerBound) to \(range.upperBound) characters in \(market.region.rawValue)"
            )
        }
        let includeProhibited = request.body?["include_prohibited_categories"]?.bool ?? false
        guard let leaf = CategoryRecommender(market: market).recommend(title: title, version: version, includeProhibited: includeProhibited) else {
            throw APIError.noRecommendation
        }
        let path = market.tree(version).path(to: leaf.id)
        return RecommendedCategory(
            leafCategoryID: leaf.id,
            categories: path.enumerated().map { level, node in
                .init(id: node.id, name: node.localName, level: level + 1, isLeaf: node.isLeaf, permissionStatuses: node.permissionStatuses)
            }
        )
    }

    /// `GET /product/202309/categories/{category_id}/rules`: encoded once per leaf.
    func rules(_ request: SimulatorRequest) throws(APIError) -> EncodedPayload {
        let (leafID, details) = try details(request)
        return answers.payload(for: .rules(market.region, leafID: leafID)) { details.rules }
    }

    /// `GET /product/202309/categories/{category_id}/attributes`: encoded once per leaf.
    func attributes(_ request: SimulatorRequest) throws(APIError) -> EncodedPayload {
        let (leafID, details) = try details(request)
        return answers.payload(for: .attributes(market.region, leafID: leafID)) { AttributeList(attributes: details.attributes) }
    }

    /// `GET /product/202309/brands`: paged; filtered by `category_id`, `is_authorized` and `brand_name` (a prefix).
    func brands(_ request: SimulatorRequest) throws(APIError) -> BrandPage {
        let version = try readVersion(request)
        guard let sizeText = request.query["page_size"], let size = Int(sizeText), (1...100).contains(size) else {
            throw APIError.invalidPageSize
        }
        guard let offset = PageToken.offset(of: request.query["page_token"]) else { throw APIError.invalidPageToken }
        var brands = market.brands
        if let categoryID = request.query["category_id"], !categoryID.isEmpty {
            let path = market.tree(version).path(to: categoryID)
            guard let root = path.first else {
                throw APIError.categoryNotFound.detailed("(category_id \(categoryID) in the \(version.rawValue) tree)")
            }
            brands = brands.filter { $0.covers(rootID: root.id) }
        }
        if let authorized = request.query["is_authorized"], !authorized.isEmpty {
            guard let wanted = Self.bool(authorized) else {
                throw APIError.invalidParameter("is_authorized", reason: "not a flag", expected: "1, 0, true or false")
            }
            brands = brands.filter { $0.isAuthorized == wanted }
        }
        if let prefix = request.query["brand_name"]?.lowercased(), !prefix.isEmpty {
            brands = brands.filter { $0.name.lowercased().hasPrefix(prefix) }
        }
        let page = PageToken.page(brands, offset: offset, size: size)
        return BrandPage(brands: page.items.map(BrandPage.Entry.init), totalCount: brands.count, nextPageToken: page.next)
    }

    // MARK: - Helpers

    private func readVersion(_ request: SimulatorRequest) throws(APIError) -> CategoryVersion {
        let version = try versions.version(of: request) ?? .v1
        try versions.enforce(version, isWrite: false)
        return version
    }

    private func details(_ request: SimulatorRequest) throws(APIError) -> (leafID: String, details: LeafDetails) {
        let version = try readVersion(request)
        let leaf = try market.leaf(request.pathParameters["category_id"] ?? "", in: version)
        guard let details = market.leaves[leaf.id] else { throw APIError.categoryNotFound }
        return (leaf.id, details)
    }

    private func flag(_ query: QueryString, _ name: String) throws(APIError) -> Bool {
        guard let text = query[name], !text.isEmpty else { return false }
        guard let value = Self.bool(text) else { throw APIError.invalidParameter(name, reason: "not a flag", expected: "true or false") }
        return value
    }

    private static func bool(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "true", "1": true
        case "false", "0": false
        default: nil
        }
    }

    /// The locales Get Categories accepts (names are always served in the market's own locale).
    private static let locales: Set<String> = [
        "cs-CZ", "de-AT", "de-BE", "de-DE", "el-GR", "en-GB", "en-IE", "en-US", "es-ES", "es-MX", "fr-BE", "fr-FR", "hu-HU", "id-ID",
        "it-IT", "ja-JP", "ms-MY", "nl-BE", "nl-NL", "pl-PL", "pt-BR", "pt-PT", "th-TH", "vi-VN", "zh-CN",
    ]

    /// Recommend Category's title length per market; others take 25–255.
    private static let titleLengths: [Region: ClosedRange<Int>] = [
        .de: 1...255, .es: 1...255, .fr: 1...255, .ie: 1...255, .it: 1...255, .jp: 1...255, .gb: 1...255, .us: 1...255,
        .br: 1...300, .mx: 1...300,
    ]
}
