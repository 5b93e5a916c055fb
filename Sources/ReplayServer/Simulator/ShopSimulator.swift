import Foundation
import Scenarios

/// Answers API operations from the scenario's shops, their market catalogues and products,
/// the upgrade task and the webhook registrations.
///
/// An operation it does not simulate returns nil, so the next answerer can try.
struct ShopSimulator: Sendable {
    let scenario: Scenario
    let clock: VirtualClock
    let markets: [Region: MarketCatalogue]
    let store: ProductStore
    let subscriptions: WebhookSubscriptions
    let upgrades: CategoryUpgrades
    let audits: ProductAudits
    let events: ShopEvents
    /// The images and files uploaded in this run.
    let uploads = UploadedMedia()
    /// Answers that depend only on the catalogue, encoded once.
    let catalogueAnswers = CatalogueAnswers()
    /// The seller's manufacturers and responsible persons.
    let compliance: ComplianceBook

    func answer(_ request: SimulatorRequest) -> SimulatorAnswer? {
        do throws(APIError) {
            guard let payload = try payload(for: request) else { return nil }
            return .success(payload)
        } catch {
            return .failure(error)
        }
    }

    private func payload(for request: SimulatorRequest) throws(APIError) -> (any Encodable & Sendable)? {
        switch request.operation {
        case .getAuthorizedShops: return AuthorizedShops(shops: scenario.shops.map(AuthorizedShops.Entry.init))
        case .uploadProductImage: return try UploadHandlers(media: uploads, seed: scenario.seed).image(request)
        case .uploadProductFile: return try UploadHandlers(media: uploads, seed: scenario.seed).file(request)
        case .getGlobalCategories, .recommendGlobalCategories, .getGlobalAttributes, .getGlobalCategoryRules:
            return try globalCatalogue(request)
        default: break
        }
        if let answer = try sellerPayload(for: request) { return answer }
        guard let shop = request.shop, let market = markets[shop.region] else { return nil }
        let versions = CategoryVersionRule(policy: scenario.policy(for: shop.region), now: clock.now)
        // Each request needs one of these: they are made when asked for, not all for every request.
        var catalogue: CatalogueHandlers { CatalogueHandlers(market: market, versions: versions, answers: catalogueAnswers) }
        var products: ProductHandlers {
            ProductHandlers(market: market, store: store, versions: versions, audits: audits, compliance: compliance, now: clock.unixSeconds)
        }
        var statuses: ProductStatusHandlers { ProductStatusHandlers(store: store, audits: audits, events: events, now: clock.unixSeconds) }
        var stock: ProductStockHandlers { ProductStockHandlers(market: market, store: store, audits: audits, now: clock.unixSeconds) }
        var search: ProductSearch { ProductSearch(market: market, store: store, versions: versions) }
        var webhooks: WebhookHandlers { WebhookHandlers(subscriptions: subscriptions, now: clock.unixSeconds) }
        switch request.operation {
        case .getCategories: return try catalogue.categories(request)
        case .recommendCategory: return try catalogue.recommend(request)
        case .getCategoryRules: return try catalogue.rules(request)
        case .getAttributes: return try catalogue.attributes(request)
        case .getBrands: return try catalogue.brands(request)
        case .createProduct: return try products.create(request, shop: shop)
        case .editProduct, .editProduct202509: return try products.edit(request, shop: shop)
        case .getProduct: return try products.get(request, shop: shop)
        case .partialEditProduct, .partialEditProduct202309:
            return try ProductPartialEdit(products: products).edit(request, shop: shop)
        case .activateProducts: return try statuses.change(.activate, request, shop: shop)
        case .deactivateProducts: return try statuses.change(.deactivate, request, shop: shop)
        case .deleteProducts: return try statuses.change(.delete, request, shop: shop)
        case .recoverProducts: return try statuses.change(.recover, request, shop: shop)
        case .updatePrice: return try stock.updatePrice(request, shop: shop)
        case .updateInventory: return try stock.updateInventory(request, shop: shop)
        case .checkProductListing:
            let validator = ListingValidator(market: market, shop: shop, versions: versions, compliance: compliance)
            return try ListingCheck(validator: validator).answer(request)
        case .checkListingPrerequisites, .checkListingPrerequisites202309: return PrerequisiteCheck().answer(shop: shop)
        case .searchProducts, .searchProducts202309, .searchProducts202312: return try search.answer(request, shop: shop)
        case .createCategoryUpgradeTask:
            try upgrades.trigger(shop: shop)
            return EmptyData()
        case .getShopWebhooks: return webhooks.list(shop: shop)
        case .updateShopWebhook: return try webhooks.update(request, shop: shop)
        case .deleteShopWebhook: return try webhooks.delete(request, shop: shop)
        default: return nil
        }
    }

    /// The operations that act on the seller rather than a shop (no `shop_cipher`): the EU
    /// compliance records and the size chart templates (those of the primary shop's market).
    private func sellerPayload(for request: SimulatorRequest) throws(APIError) -> (any Encodable & Sendable)? {
        let primary = scenario.primaryShop
        var records: ComplianceHandlers { ComplianceHandlers(book: compliance, defaultLocale: markets[primary.region]?.locale ?? "en-IE") }
        switch request.operation {
        case .createManufacturer: return try records.create(.manufacturer, request)
        case .createResponsiblePerson: return try records.create(.responsiblePerson, request)
        case .partialEditManufacturer: return try records.partialEdit(.manufacturer, request)
        case .partialEditResponsiblePerson: return try records.partialEdit(.responsiblePerson, request)
        case .searchManufacturers: return try records.search(.manufacturer, request)
        case .searchResponsiblePersons: return try records.search(.responsiblePerson, request)
        case .searchSizeCharts:
            guard let market = markets[primary.region] else { return nil }
            return try SizeChartSearch(library: SizeChartLibrary(market: market)).answer(request)
        default: return nil
        }
    }

    /// The legacy global-product reads, on either tree: answered from the global catalogue, which
    /// is the market catalogue of the scenario's first cross-border shop (or of its first shop).
    private func globalCatalogue(_ request: SimulatorRequest) throws(APIError) -> (any Encodable & Sendable)? {
        guard let shop = scenario.shops.first(where: { $0.sellerType == .crossBorder }) ?? scenario.shops.first,
            let market = markets[shop.region]
        else { return nil }
        let versions = CategoryVersionRule(policy: scenario.policy(for: shop.region), now: clock.now)
        let catalogue = CatalogueHandlers(market: market, versions: versions, answers: catalogueAnswers)
        switch request.operation {
        case .getGlobalCategories: return try catalogue.categories(request)
        case .recommendGlobalCategories: return try catalogue.recommend(request)
        case .getGlobalAttributes: return try catalogue.attributes(request)
        default: return try catalogue.rules(request)
        }
    }

    /// The scenario's products as the store holds them: live since `live_for` before the start,
    /// with one SKU in the market's currency and an id of its own.
    static func initialProducts(_ scenario: Scenario, markets: [Region: MarketCatalogue]) -> [ProductState] {
        let start = Int64(scenario.clockStart.timeIntervalSince1970)
        return scenario.products.enumerated().map { position, product in
            let region = scenario.shops.first { $0.id == product.shopID }?.region ?? .gb
            let created = start - product.liveFor.seconds
            return ProductState(
                id: product.id,
                shopID: product.shopID,
                title: product.title,
                description: "<p>\(product.title)</p>",
                categoryID: product.categoryID,
                categoryVersion: product.categoryVersion,
                brandID: product.brandID,
                mainImages: [.init(uri: "tos-maliva-i-o3syd03w52-eu/\(product.id)")],
                attributes: product.attributes.sorted { $0.key < $1.key }.map { id, values in
                    ProductDraft.Attribute(id: id, values: values.map { ProductDraft.AttributeValue(id: $0, name: nil) })
                },
                skus: [
                    .init(
                        id: DeterministicID.make(prefix: DeterministicID.scenarioSKU, seed: scenario.seed, sequence: position + 1),
                        sellerSKU: "SKU-\(product.id.suffix(6))",
                        price: .init(amount: "19.99", currency: markets[region]?.currency ?? "GBP", salePrice: nil),
                        inventory: [.init(warehouseID: "7068517275539719942", quantity: 100)],
                        salesAttributes: nil,
                        externalSKUID: nil
                    )
                ],
                certifications: [],
                status: product.status,
                auditStatus: product.status == .draft ? "NONE" : "APPROVED",
                createTime: created,
                updateTime: created,
                liveSince: product.status == .activate ? created : nil,
                replicaRegions: product.replicatedTo
            )
        }
    }
}
