import Foundation
import Scenarios

/// Partial Edit Product (`POST /product/202309/products/{product_id}/partial_edit` and the
/// 202509 path): only the top-level fields sent change, on top of the content already under
/// review if there is one (else the shop's).
///
/// A `category_id` makes it an edit of the category: the whole resulting product is then
/// checked as Edit Product checks it, `category_version` rules included. Without one, the
/// fields sent are checked on their own and the product keeps its category and tree. Content
/// goes to audit; a body of SKU prices and inventory only is applied at once, without audit.
struct ProductPartialEdit: Sendable {
    let products: ProductHandlers
    let market: MarketCatalogue
    let versions: CategoryVersionRule

    /// The top-level fields that change without audit.
    private static let unaudited: Set<String> = ["skus", RequestParameter.categoryVersion]

    func edit(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> ProductSaved {
        let id = request.pathParameters["product_id"] ?? ""
        guard let existing = products.store.product(id) else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        guard existing.shopID == shop.id else { throw APIError.productNotInShop.detailed("(product_id \(id))") }
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
        let accepted: ListingValidator.Accepted
        if sent.categoryID != nil {
            accepted = try ListingValidator(market: market, shop: shop, versions: versions).validate(merged, request: request)
        } else {
            try Self.checkFieldsSent(sent, market: market)
            let leaf = try market.leaf(working.categoryID, in: working.categoryVersion)
            accepted = .init(leaf: leaf, version: working.categoryVersion, warnings: [])
        }
        if Self.changesOnlyPriceAndInventory(request, sent: sent) {
            return try applyAtOnce(sent, to: id, accepted: accepted)
        }
        let shown = products.audits.submit(id, shop: shop, by: .partialEdit) { working, nextSKUID in
            var candidate = working
            products.apply(Self.merge(sent, onto: working), accepted: accepted, to: &candidate, nextSKUID: nextSKUID)
            candidate.updateTime = products.now
            return candidate
        }
        guard let shown else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        var saved = products.audits.underReview(id) ?? shown
        saved.auditStatus = shown.auditStatus
        return ProductSaved(saved, warnings: accepted.warnings, includesAudit: true)
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
        guard let updated else { throw APIError.productNotFound.detailed("(product_id \(id))") }
        return ProductSaved(updated, warnings: accepted.warnings, includesAudit: true)
    }

    /// Whether the body holds only SKUs that exist, each with nothing but its price and inventory.
    private static func changesOnlyPriceAndInventory(_ request: SimulatorRequest, sent: ProductDraft) -> Bool {
        guard case .object(let fields) = request.body ?? .null, Set(fields.keys).isSubset(of: unaudited), let skus = fields["skus"]?.array else {
            return false
        }
        return !skus.isEmpty
            && skus.allSatisfy { sku in
                guard case .object(let skuFields) = sku, sku["id"]?.string != nil else { return false }
                return Set(skuFields.keys).isSubset(of: ["id", "price", "inventory"])
            }
    }

    /// The product as a full draft with the sent top-level fields in place of its own.
    static func merge(_ sent: ProductDraft, onto product: ProductState) -> ProductDraft {
        var draft = ProductDraft()
        draft.title = sent.title ?? product.title
        draft.description = sent.description ?? product.description
        draft.categoryID = sent.categoryID ?? product.categoryID
        draft.brandID = sent.brandID ?? product.brandID
        draft.mainImages = sent.mainImages ?? product.mainImages
        draft.productAttributes = sent.productAttributes ?? product.attributes
        draft.skus = sent.skus ?? product.skus
        draft.certifications = sent.certifications ?? product.certifications
        draft.sizeChart = sent.sizeChart ?? product.sizeChart
        draft.packageWeight = sent.packageWeight ?? product.packageWeight
        draft.packageDimensions = sent.packageDimensions ?? product.packageDimensions
        return draft
    }

    /// The checks of the fields a partial edit without a category sends, with Create's codes.
    private static func checkFieldsSent(_ sent: ProductDraft, market: MarketCatalogue) throws(APIError) {
        if let title = sent.title {
            guard !title.isEmpty else { throw APIError.invalidInput.detailed("(title cannot be empty)") }
            guard title.count <= 255 else { throw APIError.titleTooLong.detailed("(\(title.count) characters; at most 255)") }
        }
        if let description = sent.description, description.isEmpty { throw APIError.descriptionRequired }
        if let images = sent.mainImages, !(1...9).contains(images.count) {
            throw APIError.mainImageRequired.detailed("(1 to 9 main_images; got \(images.count))")
        }
        for sku in sent.skus ?? [] {
            if let currency = sku.price?.currency, currency != market.currency {
                throw APIError.invalidInput.detailed("(price currency \(currency); \(market.region.rawValue) prices are in \(market.currency))")
            }
            for inventory in sku.inventory ?? [] where !(1...99_999).contains(inventory.quantity) {
                throw APIError.invalidInput.detailed("(inventory quantity \(inventory.quantity); 1 to 99999)")
            }
        }
    }
}
