import Foundation
import Scenarios

/// Create Product, Edit Product (both versions) and Get Product, over the shop's products in
/// the `ProductStore` (Search Products is ``ProductSearch``).
struct ProductHandlers: Sendable {
    let market: MarketCatalogue
    let store: ProductStore
    let versions: CategoryVersionRule
    let events: ShopEvents
    /// The seller's manufacturers and responsible persons, which drafts name.
    let compliance: ComplianceBook
    /// The scenario clock's current time, Unix seconds.
    let now: Int64

    /// `POST /product/202309/products`.
    func create(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> ProductSaved {
        let draft = try decodeDraft(request)
        let accepted = try validator(shop).validate(draft, request: request)
        let isDraft = draft.saveMode == "AS_DRAFT"
        let product = store.insert { id, nextSKUID in
            var product = ProductState(
                id: id,
                shopID: shop.id,
                title: "",
                description: "",
                categoryID: "",
                categoryVersion: accepted.version,
                mainImages: [],
                attributes: [],
                skus: [],
                certifications: [],
                status: isDraft ? .draft : .activate,
                auditStatus: isDraft ? "NONE" : "APPROVED",
                createTime: now,
                updateTime: now,
                liveSince: isDraft ? nil : now
            )
            apply(draft, accepted: accepted, to: &product, nextSKUID: nextSKUID)
            return product
        }
        return ProductSaved(product, warnings: accepted.warnings, includesAudit: false)
    }

    /// `PUT /product/202309/products/{product_id}` and `PUT /product/202509/products/{product_id}`:
    /// a full replace. SKUs sent with an id are kept (their price and inventory too, when left
    /// out), SKUs without an id are created, SKUs left out are deleted.
    func edit(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> ProductSaved {
        let id = request.pathParameters["product_id"] ?? ""
        guard let existing = store.product(id) else { throw APIError.productIDUnknown }
        guard existing.shopID == shop.id else { throw APIError.productNotInShop }
        guard existing.status != .freeze, existing.status != .deleted else {
            throw APIError.productStatusForbids.detailed("(product \(id) is \(existing.status.rawValue))")
        }
        let draft = try decodeDraft(request)
        let accepted = try validator(shop).validate(draft, request: request, existing: existing)
        let known = Set(existing.skus.compactMap(\.id))
        if let unknown = (draft.skus ?? []).compactMap(\.id).first(where: { !known.contains($0) }) {
            throw APIError.invalidInput.detailed("(sku id \(unknown) is not a SKU of product \(id))")
        }
        let updated = store.update(id) { product, nextSKUID in
            apply(draft, accepted: accepted, to: &product, nextSKUID: nextSKUID)
            product.updateTime = now
        }
        guard let updated else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        if updated.categoryID != existing.categoryID {
            events.categoryChanged(
                shopID: shop.id,
                productID: id,
                previous: existing.categoryID,
                current: updated.categoryID,
                version: updated.categoryVersion,
                source: "seller",
                at: now
            )
        }
        return ProductSaved(updated, warnings: accepted.warnings, includesAudit: true)
    }

    /// `GET /product/202309/products/{product_id}`.
    func get(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EchoedFields<ProductDetail> {
        let id = request.pathParameters["product_id"] ?? ""
        guard let product = store.product(id), product.shopID == shop.id else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        return ProductDetail.echoing(product, market: market)
    }

    // MARK: - Helpers

    private func validator(_ shop: Shop) -> ListingValidator {
        ListingValidator(market: market, shop: shop, versions: versions, compliance: compliance)
    }

    private func decodeDraft(_ request: SimulatorRequest) throws(APIError) -> ProductDraft {
        try ProductDraft(request: request)
    }

    private func apply(_ draft: ProductDraft, accepted: ListingValidator.Accepted, to product: inout ProductState, nextSKUID: () -> String) {
        let previous = Dictionary(product.skus.compactMap { sku in sku.id.map { ($0, sku) } }, uniquingKeysWith: { first, _ in first })
        product.title = draft.title ?? ""
        product.description = draft.description ?? ""
        product.categoryID = accepted.leaf.id
        product.categoryVersion = accepted.version
        product.brandID = draft.brandID
        product.mainImages = draft.mainImages ?? []
        product.attributes = draft.productAttributes ?? []
        product.certifications = draft.certifications ?? []
        product.sizeChart = draft.sizeChart
        product.manufacturerIDs = draft.manufacturerIDs ?? []
        product.responsiblePersonIDs = draft.responsiblePersonIDs ?? []
        product.deliveryOptionIDs = draft.deliveryOptionIDs ?? []
        product.echoed = draft.echoed
        product.skus = (draft.skus ?? []).map { sku in
            var sku = sku
            if let id = sku.id, let old = previous[id] {
                sku.price = sku.price ?? old.price
                sku.inventory = sku.inventory ?? old.inventory
            } else {
                sku.id = nextSKUID()
            }
            return sku
        }
    }
}
