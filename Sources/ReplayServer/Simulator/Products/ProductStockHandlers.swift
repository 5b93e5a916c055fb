import Foundation
import Scenarios

/// Update Price and Update Inventory (`POST /product/202309/products/{product_id}/prices/update`
/// and `.../inventory/update`): applied at once, without audit, to the shop's product and to
/// the content under review, so that a later audit pass keeps them.
///
/// Every SKU named must belong to the product; a call that names one that does not (12052910),
/// or sends a price in another currency (12052084) or a quantity out of 1–99,999 (12052055),
/// changes nothing and fails as a whole. Update Price answers an empty `data`. Update Inventory
/// answers `data.errors`, one per SKU it could not update, as the docs' example does: a
/// `warehouse_id` that is none of the SKU's warehouses is 12052990 "Check failed" with
/// 12052097 in `detail.extra_errors`, and that SKU keeps its stock while the others change.
struct ProductStockHandlers: Sendable {
    private struct PriceBody: Decodable {
        struct SKU: Decodable {
            var id: String
            var price: ProductDraft.Price
        }

        var skus: [SKU]
    }

    private struct InventoryBody: Decodable {
        struct SKU: Decodable {
            var id: String
            var inventory: [Quantity]
        }

        struct Quantity: Decodable {
            var warehouseID: String?
            var quantity: Int

            enum CodingKeys: String, CodingKey {
                case quantity
                case warehouseID = "warehouse_id"
            }
        }

        var skus: [SKU]
    }

    /// At most this many SKUs per call: a product's SKU limit.
    static let maxSKUs = 300

    let market: MarketCatalogue
    let store: ProductStore
    let audits: ProductAudits
    let now: Int64

    /// Update Price: the product must be `ACTIVATE`.
    func updatePrice(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EmptyData {
        let body = try decode(PriceBody.self, request, operation: "Update Price")
        let product = try product(request, shop: shop, allowed: [.activate])
        try checkSKUs(body.skus.map(\.id), of: product)
        for sku in body.skus {
            guard sku.price.currency == market.currency else { throw APIError.currencyUnavailable }
            guard sku.price.amount != nil || sku.price.salePrice != nil else {
                throw APIError.invalidInput.detailed("(SKU \(sku.id): price.amount or price.sale_price is required)")
            }
        }
        let prices = Dictionary(body.skus.map { ($0.id, $0.price) }, uniquingKeysWith: { _, last in last })
        change(product.id) { sku in
            if let price = sku.id.flatMap({ prices[$0] }) { sku.price = price }
        }
        return EmptyData()
    }

    /// What Update Inventory reports about a SKU it could not update.
    struct InventoryDetail: Encodable, Sendable {
        struct ExtraError: Encodable, Sendable {
            var warehouseID: String
            var code: Int
            var message: String

            enum CodingKeys: String, CodingKey {
                case code, message
                case warehouseID = "warehouse_id"
            }
        }

        var skuID: String
        var extraErrors: [ExtraError]

        enum CodingKeys: String, CodingKey {
            case skuID = "sku_id"
            case extraErrors = "extra_errors"
        }
    }

    /// Update Inventory: the product must not be `FREEZE`, `DELETED` or `PLATFORM_DEACTIVATED`.
    /// A `warehouse_id` may be left out when the SKU has one warehouse.
    func updateInventory(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> ItemFailures<InventoryDetail> {
        let body = try decode(InventoryBody.self, request, operation: "Update Inventory")
        let product = try product(request, shop: shop, allowed: [.draft, .pending, .failed, .activate, .sellerDeactivated])
        try checkSKUs(body.skus.map(\.id), of: product)
        var stock: [String: [ProductDraft.Inventory]] = [:]
        var failures: [ItemFailure<InventoryDetail>] = []
        for sku in body.skus {
            let warehouses = product.skus.first { $0.id == sku.id }?.inventory?.map(\.warehouseID) ?? []
            let unknown = sku.inventory.compactMap(\.warehouseID).filter { !warehouses.isEmpty && !warehouses.contains($0) }
            if !unknown.isEmpty {
                let missing = APIError.warehouseNotFound
                let extra = unknown.map { InventoryDetail.ExtraError(warehouseID: $0, code: missing.code, message: missing.message) }
                failures.append(ItemFailure(.checkFailed, detail: InventoryDetail(skuID: sku.id, extraErrors: extra)))
                continue
            }
            stock[sku.id] = try sku.inventory.map { entry throws(APIError) in
                guard (1...99_999).contains(entry.quantity) else { throw APIError.inventoryOutOfRange }
                guard let warehouse = entry.warehouseID ?? (warehouses.count == 1 ? warehouses[0] : nil) else {
                    throw APIError.invalidInput.detailed("(SKU \(sku.id): warehouse_id is required when the SKU has \(warehouses.count) warehouses)")
                }
                return ProductDraft.Inventory(warehouseID: warehouse, quantity: entry.quantity)
            }
        }
        change(product.id) { sku in
            if let inventory = sku.id.flatMap({ stock[$0] }) { sku.inventory = inventory }
        }
        return ItemFailures(errors: failures)
    }

    // MARK: - Helpers

    private func decode<Body: Decodable>(_ type: Body.Type, _ request: SimulatorRequest, operation: String) throws(APIError) -> Body {
        let body: Body
        do {
            body = try JSONDecoder().decode(Body.self, from: Data(request.rawBody.isEmpty ? Array("{}".utf8) : request.rawBody))
        } catch {
            throw APIError.invalidInput.detailed("(the body does not fit \(operation): skus[] with id and the fields to change)")
        }
        return body
    }

    private func product(_ request: SimulatorRequest, shop: Shop, allowed: Set<Product.Status>) throws(APIError) -> ProductState {
        let id = request.pathParameters["product_id"] ?? ""
        guard let product = store.product(id) else { throw APIError.productIDUnknown }
        guard product.shopID == shop.id else { throw APIError.productNotInShop }
        guard allowed.contains(product.status) else {
            throw APIError.productStatusForbids.detailed("(product \(id) is \(product.status.rawValue))")
        }
        return product
    }

    private func checkSKUs(_ ids: [String], of product: ProductState) throws(APIError) {
        guard !ids.isEmpty else { throw APIError.invalidInput.detailed("(skus is required)") }
        guard ids.count <= Self.maxSKUs else { throw APIError.invalidInput.detailed("(\(ids.count) skus; at most \(Self.maxSKUs))") }
        let known = Set(product.skus.compactMap(\.id))
        if let unknown = ids.first(where: { !known.contains($0) }) {
            throw APIError.invalidInput.detailed("(sku id \(unknown) is not a SKU of product \(product.id))")
        }
    }

    private func change(_ productID: String, _ changeSKU: @escaping (inout ProductDraft.SKU) -> Void) {
        let change = { (product: inout ProductState) in
            for index in product.skus.indices { changeSKU(&product.skus[index]) }
        }
        _ = store.update(productID) { product, _ in
            change(&product)
            product.updateTime = now
        }
        audits.amendUnderReview(productID, change)
    }
}
