import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// One seller, two shops: every shop-scoped call acts on the shop its `shop_cipher` names.
@Suite("Cross-border seller")
struct CrossBorderTests {
    @Test func eachShopCipherSeesItsOwnMarketAndProducts() async throws {
        let scenario = try Scenario.builtIn(named: "cross-border")
        try await withReplayServer(scenario: scenario) { server in
            let client = SignedClient(server: server)
            let shops = try await client.listShops().data["shops"]?.array ?? []
            #expect(shops.compactMap { $0["region"]?.string } == ["GB", "DE"])
            #expect(shops.allSatisfy { $0["seller_type"]?.string == "CROSS_BORDER" })

            for shop in scenario.shops {
                var options = SignedClient.Options()
                options.shopCipher = shop.cipher
                options.extraQuery = ["page_size": "50"]
                let found = try await client.send(.POST, "/product/202502/products/search", body: "{}", options: options).data
                let expected = scenario.products.filter { $0.shopID == shop.id }.map(\.id).sorted()
                #expect((found["products"]?.array ?? []).compactMap { $0["id"]?.string }.sorted() == expected)
                #expect(found["products"]?[0]?["sales_regions"]?[0]?.string == shop.region.rawValue)

                options.extraQuery = ["category_version": "v2", "keyword": ""]
                let categories = try await client.send(.GET, "/product/202309/categories", options: options).data
                let names = (categories["categories"]?.array ?? []).compactMap { $0["local_name"]?.string }
                let market = try scenario.catalogue.market(shop.region)
                #expect(names.first == market.v2.categories.first?.localName, "\(shop.region) names come from its own catalogue")
            }
        }
    }
}
