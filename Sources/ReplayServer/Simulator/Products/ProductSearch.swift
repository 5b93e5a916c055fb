import Scenarios

/// Search Products (`POST /product/202502/products/search`) over the shop's products in the
/// `ProductStore`: paged by `page_size` and `page_token` in the query; filtered by status,
/// `category_version` (absent: both trees), times and SKUs; newest update first.
///
/// A page is read from the store's index from the token's position and spliced from each
/// product's entry, encoded once until the product changes: its cost grows with the page, not
/// with the shop. The page is kept until a product of the store changes (``ProductStore``).
struct ProductSearch: Sendable {
    let market: MarketCatalogue
    let store: ProductStore
    let versions: CategoryVersionRule

    /// The most products a search may match, as on the real API.
    static let maximumMatches = 10_000

    func answer(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EncodedPayload {
        guard let sizeText = request.query["page_size"], let size = Int(sizeText), (1...100).contains(size) else {
            throw APIError.invalidParameter("page_size", reason: "missing or out of range", expected: "from 1 to 100")
        }
        guard let position = PageToken.position(of: request.query["page_token"]) else {
            throw APIError.invalidParameter(
                "page_token",
                reason: "not a token this search gave",
                expected: "the next_page_token of the previous page"
            )
        }
        let filter = try ProductSearchFilter(body: request.body, version: try versions.version(of: request))
        let found = store.searchPage(ofShop: shop.id, filter: filter, from: position, size: size) { product in
            JSONBytes.encode(ProductSearchEntry(product, market: market))
        } payload: { page in
            ProductSearchPage(entries: page.entries, totalCount: page.total, nextPageToken: page.next.map(PageToken.make(after:)) ?? "").encoded
        }
        guard found.total <= Self.maximumMatches else { throw APIError.tooManyResults }
        return found.payload
    }
}
