import Foundation
import NIOCore
import ReplayJournal
public import Scenarios

/// Search Products and Get Categories without a server, for the benchmarks in `Benchmarks/`:
/// the simulator's code from the checked request to the answer's bytes, spliced into the
/// envelope as the server sends them. Not part of the public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public struct SimulatorProbe: Sendable {
    /// Why a probe cannot be built.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    private let scenario: Scenario
    private let shop: Shop
    private let market: MarketCatalogue
    private let store: ProductStore
    private let answers = CatalogueAnswers()

    /// The scenario's primary shop with `products` ACTIVATE products on its market's first v1
    /// leaf, live for three days before the scenario's start, and none of the scenario's own.
    ///
    /// - Throws: `DiagnosticError` when the shop's market catalogue cannot be read; `Problem`
    ///   when it has no v1 leaf.
    public init(scenario: Scenario, products: Int) throws {
        var scenario = scenario
        let shop = scenario.primaryShop
        let market = try scenario.catalogue.market(shop.region)
        guard let leaf = market.v1.leaves.first else { throw Problem(description: "the \(shop.region.rawValue) catalogue has no v1 leaf") }
        scenario.products = (0..<products).map { index in
            let id = String(17_296_000_000_000_000 + index)
            return Product(
                id: id,
                shopID: shop.id,
                title: "Product \(index)",
                categoryID: leaf.id,
                status: .activate,
                liveFor: .init(seconds: 3 * 86_400)
            )
        }
        self.scenario = scenario
        self.shop = shop
        self.market = market
        self.store = ProductStore(initial: ShopSimulator.initialProducts(scenario, markets: [shop.region: market]), seed: scenario.seed)
    }

    /// A Search Products answer: its size in bytes and the token of the next page ("" at the end).
    ///
    /// - Parameter body: The JSON body, such as `{"category_version":"v1","status":"ACTIVATE"}`.
    public func searchProducts(body: String, pageSize: Int, pageToken: String = "") throws -> (bytes: Int, nextPageToken: String) {
        var query = "page_size=\(pageSize)"
        // A cursor token is URL-safe: it needs no escaping.
        if !pageToken.isEmpty { query += "&page_token=\(pageToken)" }
        let request = try self.request(.searchProducts, query: query, body: body)
        let search = ProductSearch(market: market, store: store, versions: versions)
        let payload = try search.answer(request, shop: shop)
        let bytes = payload.successEnvelope(requestID: Self.requestID).byteBuffer()
        return (bytes.readableBytes, Self.nextPageToken(in: payload.bytes))
    }

    /// Renames the shop's last product, as a client's edit would: the pages searches answered are
    /// forgotten, and the next search of each page reads the index and splices it again.
    public func changeAProduct() {
        guard let last = scenario.products.last else { return }
        _ = store.update(last.id) { product, _ in
            product.title = product.title.hasSuffix("!") ? String(product.title.dropLast()) : product.title + "!"
        }
    }

    /// A Get Categories answer's size in bytes.
    ///
    /// - Parameter query: The query, such as `category_version=v2`.
    public func getCategories(query: String) throws -> Int {
        let request = try self.request(.getCategories, query: query, body: "")
        let catalogue = CatalogueHandlers(market: market, versions: versions, answers: answers)
        guard let payload = try catalogue.categories(request) as? EncodedPayload else { throw Problem(description: "a keyword answer is not kept") }
        return payload.successEnvelope(requestID: Self.requestID).byteBuffer().readableBytes
    }

    // MARK: - Helpers

    private static let requestID = "20261102090000" + "4D299F0370E6186B0001"

    private var versions: CategoryVersionRule {
        CategoryVersionRule(policy: scenario.policy(for: shop.region), now: scenario.clockStart)
    }

    private func request(_ operation: APIOperation, query: String, body: String) throws -> SimulatorRequest {
        let rawBody = Array(body.utf8)
        return SimulatorRequest(
            operation: operation,
            pathParameters: [:],
            query: try QueryString(raw: query[...]),
            body: rawBody.isEmpty ? nil : try JSONDecoder().decode(JSONValue.self, from: Data(rawBody)),
            rawBody: rawBody,
            shop: shop
        )
    }

    /// The `next_page_token` of a page's bytes, which begin with it (keys sorted).
    private static func nextPageToken(in page: [UInt8]) -> String {
        let prefix = Array(#"{"next_page_token":""#.utf8)
        guard page.starts(with: prefix), let end = page[prefix.count...].firstIndex(of: UInt8(ascii: "\"")) else { return "" }
        return String(decoding: page[prefix.count..<end], as: UTF8.self)
    }
}
