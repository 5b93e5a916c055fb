import Foundation
import Scenarios

/// Partial Edit Product (`POST /product/202309/products/{product_id}/partial_edit` and the
/// 202509 path): only the top-level fields sent change, on top of the content already under
/// review if there is one (else the shop's).
///
/// A `category_id` makes it an edit of the category: the whole resulting product is then
/// checked by the listing validator as Edit Product checks it, `category_version` rules
/// included. Without one, the product keeps its category and tree, and the resulting product
/// goes through the rules that do not depend on the leaf (title, description, images, SKUs):
/// the leaf's requirements are not checked again for a category the call does not touch.
/// Content goes to audit; a body of SKU prices and inventory only is applied at once.
struct ProductPartialEdit: Sendable {
    let products: ProductHandlers

    /// The top-level fields that change without audit.
    private static let unaudited: Set<String> = ["skus", RequestParameter.categoryVersion]

    func edit(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> ProductSaved {
        let id = request.pathParameters["product_id"] ?? ""
        guard let existing = products.store.product(id) else { throw APIError.productIDUnknown }
        guard existing.shopID == shop.id else { throw APIError.productNotInShop }
        guard existing.status != .freeze, existing.status != .deleted else {
            throw APIError.productStatusForbids.detailed("(product \(id) is \(existing.status.rawValue))")
        }
        let sent = try products.decodeDraft(request)
        let working = products.audits.underReview(id) ?? existing
        let known = Set(working.skus.compactMap(\.id))
        if let unknown = (sent.skus ?? []).compactMap(\.id).first(where: { !known.contains($0) }) {
            throw APIError.invalidInput.detailed("(sku id \(unknown) is not a SKU of product \(id))")
        }
        let merged = Self.merge(sent, onto: working)
        let accepted =
            sent.categoryID != nil
            ? try products.validator(shop).validate(merged, request: request, existing: existing)
            : try checkKeepingTheCategory(merged, of: working, existing: existing, shop: shop)
        if Self.changesOnlyPriceAndInventory(request) {
            return try applyAtOnce(sent, to: id, accepted: accepted)
        }
        let shown = products.audits.submit(id, shop: shop, by: .partialEdit) { working, nextSKUID in
            var candidate = working
            products.apply(Self.merge(sent, onto: working), accepted: accepted, to: &candidate, nextSKUID: nextSKUID)
            candidate.updateTime = products.now
            return candidate
        }
        guard let shown else { throw APIError.productIDUnknown }
        var saved = products.audits.underReview(id) ?? shown
        saved.auditStatus = shown.auditStatus
        return ProductSaved(saved, warnings: nil, includesAudit: true)
    }

    /// The rules that do not depend on the leaf, over the product as the call leaves it.
    private func checkKeepingTheCategory(
        _ merged: ProductDraft,
        of working: ProductState,
        existing: ProductState,
        shop: Shop
    ) throws(APIError) -> ListingValidator.Accepted {
        let leaf = try products.market.leaf(working.categoryID, in: working.categoryVersion)
        let subject = ListingSubject(
            draft: merged,
            write: .edit(existing),
            shop: shop,
            market: products.market,
            compliance: products.compliance,
            placement: .success(.init(leaf: leaf, version: working.categoryVersion))
        )
        var warnings: [String] = []
        for rule in ListingRule.all where !rule.needsLeaf {
            for finding in rule.check(subject) {
                switch finding {
                case .problem(let error): throw error
                case .warning(let text): warnings.append(text)
                }
            }
        }
        return .init(leaf: leaf, version: working.categoryVersion, warnings: warnings)
    }

    /// SKUs' prices and inventory, published without audit (to the content under review too).
    private func applyAtOnce(_ sent: ProductDraft, to id: String, accepted: ListingValidator.Accepted) throws(APIError) -> ProductSaved {
        let change = { (product: inout ProductState) in
            for sku in sent.skus ?? [] {
                guard let index = product.skus.firstIndex(where: { $0.id == sku.id }) else { continue }
                if let price = sku.price { product.skus[index].price = price }
                if let inventory = sku.inventory { product.skus[index].inventory = inventory }
            }
        }
        let updated = products.store.update(id) { product, _ in
            change(&product)
            product.updateTime = products.now
        }
        products.audits.amendUnderReview(id, change)
        guard let updated else { throw APIError.productIDUnknown }
        return ProductSaved(updated, warnings: nil, includesAudit: true)
    }

    /// Whether the body holds only SKUs that exist, each with nothing but its price and inventory.
    private static func changesOnlyPriceAndInventory(_ request: SimulatorRequest) -> Bool {
        guard case .object(let fields) = request.body ?? .null, Set(fields.keys).isSubset(of: unaudited), let skus = fields["skus"]?.array else {
            return false
        }
        return !skus.isEmpty
            && skus.allSatisfy { sku in
                guard case .object(let skuFields) = sku, sku["id"]?.string != nil else { return false }
                return Set(skuFields.keys).isSubset(of: ["id", "price", "inventory"])
            }
    }

    /// The product as a full draft, with the top-level fields sent in place of its own.
    static func merge(_ sent: ProductDraft, onto product: ProductState) -> ProductDraft {
        var draft = sent
        draft.title = sent.title ?? product.title
        draft.description = sent.description ?? product.description
        draft.categoryID = sent.categoryID ?? product.categoryID
        draft.brandID = sent.brandID ?? product.brandID
        draft.mainImages = sent.mainImages ?? product.mainImages
        draft.productAttributes = sent.productAttributes ?? product.attributes
        draft.skus = sent.skus ?? product.skus
        draft.certifications = sent.certifications ?? product.certifications
        draft.sizeChart = sent.sizeChart ?? product.sizeChart
        draft.manufacturerIDs = sent.manufacturerIDs ?? product.manufacturerIDs
        draft.responsiblePersonIDs = sent.responsiblePersonIDs ?? product.responsiblePersonIDs
        draft.deliveryOptionIDs = sent.deliveryOptionIDs ?? product.deliveryOptionIDs
        draft.echoed = product.echoed.merging(sent.echoed) { _, new in new }
        return draft
    }
}
