import Foundation
import Scenarios

/// Activate, Deactivate, Delete and Recover Products: each takes up to 20 `product_ids` and
/// moves every product whose status allows it; a product that cannot move is an entry of
/// `data.errors` (the call itself succeeds), as the SDK's models say.
///
/// - Activate: `SELLER_DEACTIVATED` or `PLATFORM_DEACTIVATED` → audit (`PENDING`, then `ACTIVATE`).
/// - Deactivate: `ACTIVATE` → `SELLER_DEACTIVATED`.
/// - Delete: any status but `FREEZE` and `DELETED` → `DELETED` (an audit under way ends).
/// - Recover: `DELETED` → `SELLER_DEACTIVATED`.
struct ProductStatusHandlers: Sendable {
    /// Which of the four operations.
    enum Change: String, Sendable {
        case activate, deactivate, delete, recover

        /// The statuses a product may be in for the change.
        var allowed: Set<Product.Status> {
            switch self {
            case .activate: [.sellerDeactivated, .platformDeactivated]
            case .deactivate: [.activate]
            case .delete: Set(Product.Status.allCases).subtracting([.freeze, .deleted])
            case .recover: [.deleted]
            }
        }
    }

    /// The `data` of the four operations.
    ///
    /// Activate reports a refused product as the docs' example does: code 12052990 ("Check
    /// failed") with the reasons in `detail.extra_errors`; the other three give the reason's code
    /// itself and no `extra_errors`.
    struct Detail: Encodable, Sendable {
        struct ExtraError: Encodable, Sendable {
            var code: Int
            var message: String
        }

        var productID: String
        var extraErrors: [ExtraError]?

        enum CodingKeys: String, CodingKey {
            case productID = "product_id"
            case extraErrors = "extra_errors"
        }
    }

    typealias Result = ItemFailures<Detail>

    /// At most this many `product_ids` per call (the SDK's models).
    static let maxProducts = 20

    let store: ProductStore
    let audits: ProductAudits
    let events: ShopEvents
    let now: Int64

    func change(_ change: Change, _ request: SimulatorRequest, shop: Shop) throws(APIError) -> Result {
        guard let ids = request.body?["product_ids"]?.array?.map({ $0.string }), !ids.isEmpty else {
            throw APIError.invalidInput.detailed("(product_ids is required: a list of product id strings)")
        }
        guard ids.count <= Self.maxProducts else {
            throw APIError.invalidInput.detailed("(\(ids.count) product_ids; at most \(Self.maxProducts))")
        }
        var failures: [ItemFailure<Detail>] = []
        for (index, id) in ids.enumerated() {
            guard let id else { throw APIError.invalidInput.detailed("(product_ids[\(index)] must be a string)") }
            guard let refusal = move(id, change, shop: shop) else { continue }
            if change == .activate {
                let reason = Detail.ExtraError(code: refusal.code, message: refusal.message)
                failures.append(ItemFailure(.checkFailed, detail: Detail(productID: id, extraErrors: [reason])))
            } else {
                failures.append(ItemFailure(refusal, detail: Detail(productID: id)))
            }
        }
        return Result(errors: failures)
    }

    /// Moves one product, or says why not.
    private func move(_ id: String, _ change: Change, shop: Shop) -> APIError? {
        guard let product = store.product(id), product.shopID == shop.id else { return APIError.productIDUnknown }
        guard change.allowed.contains(product.status) else {
            return APIError.productStatusForbids.detailed(
                "(product \(id) is \(product.status.rawValue); \(change.rawValue) needs \(Self.names(change.allowed)))"
            )
        }
        switch change {
        case .activate:
            events.statusChanged(shopID: shop.id, productID: id, from: product.status, to: .pending, at: now)
            audits.submit(id, shop: shop, by: .activate) { working, _ in working }
        case .deactivate: set(id, shop: shop, from: product.status, to: .sellerDeactivated)
        case .delete:
            audits.cancel(id, shop: shop)
            set(id, shop: shop, from: product.status, to: .deleted)
        case .recover: set(id, shop: shop, from: product.status, to: .sellerDeactivated)
        }
        return nil
    }

    private func set(_ id: String, shop: Shop, from previous: Product.Status, to status: Product.Status) {
        _ = store.update(id) { product, _ in
            product.status = status
            product.auditStatus = status == .deleted ? "NONE" : product.auditStatus
            product.updateTime = now
        }
        events.statusChanged(shopID: shop.id, productID: id, from: previous, to: status, at: now)
    }

    private static func names(_ statuses: Set<Product.Status>) -> String {
        statuses.map(\.rawValue).sorted().joined(separator: " or ")
    }
}
