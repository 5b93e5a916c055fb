import Scenarios

@testable import ReplayServer

/// Products drawn at random from a seed, for tests that compare Search Products with a full
/// scan: few distinct times (so that many products tie on update time), every status, both
/// trees, two shops, seller SKUs shared between products.
struct RandomShop {
    static let shops = ["shop-a", "shop-b"]
    var generator: SeededGenerator

    init(seed: UInt64) {
        self.generator = SeededGenerator(seed: seed)
    }

    mutating func product(_ number: Int) -> ProductState {
        let created = Int64.random(in: 1_000...1_020, using: &generator)
        return ProductState(
            id: "17290000000000\(10_000 + number)",
            shopID: Self.shops.randomElement(using: &generator)!,
            title: "Product \(number)",
            description: "",
            categoryID: "601226",
            categoryVersion: CategoryVersion.allCases.randomElement(using: &generator)!,
            mainImages: [],
            attributes: [],
            skus: [sku(number)],
            certifications: [],
            status: Product.Status.allCases.randomElement(using: &generator)!,
            auditStatus: "APPROVED",
            createTime: created,
            updateTime: created + Int64.random(in: 0...10, using: &generator)
        )
    }

    mutating func sku(_ number: Int) -> ProductDraft.SKU {
        ProductDraft.SKU(id: "sku-\(number)", sellerSKU: "seller-\(Int.random(in: 0..<20, using: &generator))")
    }

    /// A random change, as an edit or the upgrade task makes one.
    mutating func change(_ product: inout ProductState, at time: Int64) {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: product.status = Product.Status.allCases.randomElement(using: &generator)!
        case 1: product.categoryVersion = product.categoryVersion == .v1 ? .v2 : .v1
        case 2: product.skus = [sku(Int.random(in: 0..<1_000, using: &generator))]
        default: product.title += " (edited)"
        }
        product.updateTime = time
    }

    /// A random Search Products body.
    mutating func filterBody() -> JSONValue {
        var body: [String: JSONValue] = [:]
        if Bool.random(using: &generator) {
            body["status"] = .string((["ALL"] + Product.Status.allCases.map(\.rawValue)).randomElement(using: &generator)!)
        }
        if Bool.random(using: &generator) { body["update_time_ge"] = .number(Double(Int.random(in: 995...1_025, using: &generator))) }
        if Bool.random(using: &generator) { body["update_time_le"] = .number(Double(Int.random(in: 1_025...1_060, using: &generator))) }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            body["create_time_ge"] = .number(Double(Int.random(in: 1_000...1_015, using: &generator)))
        }
        if Int.random(in: 0..<4, using: &generator) == 0 {
            body["create_time_le"] = .number(Double(Int.random(in: 1_015...1_025, using: &generator)))
        }
        if Int.random(in: 0..<5, using: &generator) == 0 {
            body["seller_skus"] = .array((0..<3).map { _ in .string("seller-\(Int.random(in: 0..<20, using: &generator))") })
        }
        if Int.random(in: 0..<8, using: &generator) == 0 {
            body["sku_ids"] = .array((0..<4).map { _ in .string("sku-\(Int.random(in: 0..<300, using: &generator))") })
        }
        return .object(body)
    }

    /// The ids a full scan finds, in search order: every product, filtered, sorted.
    static func scan(_ products: [ProductState], shopID: String, filter: ProductSearchFilter) -> [String] {
        products.filter { $0.shopID == shopID && filter.matches($0) }
            .sorted { ($0.updateTime, $0.id) > ($1.updateTime, $1.id) }
            .map(\.id)
    }
}

extension ProductDraft.SKU {
    init(id: String, sellerSKU: String) {
        self.init(id: id, sellerSKU: sellerSKU, price: nil, inventory: nil, salesAttributes: nil, externalSKUID: nil)
    }
}
