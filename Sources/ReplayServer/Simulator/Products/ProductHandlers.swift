import Foundation
import Scenarios

/// Create Product, Edit Product (both versions) and Get Product, over the shop's products in
/// the `ProductStore` (Search Products is ``ProductSearch``). Create and Edit send the content
/// to ``ProductAudits``; Get Product shows the content under review when asked.
struct ProductHandlers: Sendable {
    let market: MarketCatalogue
    let store: ProductStore
    let versions: CategoryVersionRule
    let audits: ProductAudits
    /// The seller's manufacturers and responsible persons, which drafts name.
    let compliance: ComplianceBook
    /// The scenario clock's current time, Unix seconds.
    let now: Int64

    /// `POST /product/202309/products`: a listed product goes to audit as `PENDING`; a draft does not.
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
                status: isDraft ? .draft : .pending,
                auditStatus: isDraft ? "NONE" : "AUDITING",
                createTime: now,
                updateTime: now,
                liveSince: nil
            )
            apply(draft, accepted: accepted, to: &product, nextSKUID: nextSKUID)
            return product
        }
        if isDraft { return ProductSaved(product, warnings: accepted.warnings, includesAudit: false) }
        let shown = audits.submit(product.id, shop: shop, by: .create) { working, _ in working }
        return ProductSaved(shown ?? product, warnings: accepted.warnings, includesAudit: false)
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
        let known = Set((audits.underReview(id) ?? existing).skus.compactMap(\.id))
        if let unknown = (draft.skus ?? []).compactMap(\.id).first(where: { !known.contains($0) }) {
            throw APIError.invalidInput.detailed("(sku id \(unknown) is not a SKU of product \(id))")
        }
        let shown = audits.submit(id, shop: shop, by: .edit) { working, nextSKUID in
            var candidate = working
            apply(draft, accepted: accepted, to: &candidate, nextSKUID: nextSKUID)
            candidate.updateTime = now
            return candidate
        }
        guard let shown else { throw APIError.productIDUnknown }
        // The answer lists the SKUs of the content sent (new ones with their ids) and the audit it is in.
        var saved = audits.underReview(id) ?? shown
        saved.auditStatus = shown.auditStatus
        return ProductSaved(saved, warnings: accepted.warnings, includesAudit: true)
    }

    /// `GET /product/202309/products/{product_id}`: the content the shop shows, or with
    /// `return_under_review_version=true` the content under audit, if any.
    func get(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EchoedFields<ProductDetail> {
        let id = request.pathParameters["product_id"] ?? ""
        guard let product = store.product(id), product.shopID == shop.id else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        if request.query["return_under_review_version"]?.lowercased() == "true", var underReview = audits.underReview(id) {
            underReview.auditStatus = product.auditStatus
            underReview.auditFailedReasons = product.auditFailedReasons
            return ProductDetail.echoing(underReview, market: market)
        }
        return ProductDetail.echoing(product, market: market)
    }

    // MARK: - Helpers

    func validator(_ shop: Shop) -> ListingValidator {
        ListingValidator(market: market, shop: shop, versions: versions, compliance: compliance)
    }

    func decodeDraft(_ request: SimulatorRequest) throws(APIError) -> ProductDraft {
        try ProductDraft(request: request)
    }

    func apply(_ draft: ProductDraft, accepted: ListingValidator.Accepted, to product: inout ProductState, nextSKUID: () -> String) {
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
