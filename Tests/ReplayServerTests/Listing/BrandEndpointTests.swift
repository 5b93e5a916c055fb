import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

@Suite("Brands")
struct BrandEndpointTests {
    @Test func pagesToTheEnd() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            var token = ""
            var seen: [String] = []
            var pages = 0
            repeat {
                var query = ["page_size": "7", "category_version": "v2"]
                if !token.isEmpty { query["page_token"] = token }
                let data = try await fixture.client.call(.GET, "/product/202309/brands", query: query).data
                let brands = data["brands"]?.array ?? []
                #expect(brands.count <= 7)
                #expect(data["total_count"]?.number == Double(fixture.market.brands.count))
                #expect(brands.allSatisfy { ["AUTHORIZED", "UNAUTHORIEZD"].contains($0["authorized_status"]?.string ?? "") })
                seen += brands.compactMap { $0["id"]?.string }
                token = data["next_page_token"]?.string ?? ""
                pages += 1
            } while !token.isEmpty && pages < 100
            #expect(seen == fixture.market.brands.map(\.id))
            #expect(pages == (fixture.market.brands.count + 6) / 7)
        }
    }

    @Test func filtersByAuthorisationNameAndCategory() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let authorized = try await fixture.client.call(.GET, "/product/202309/brands", query: ["page_size": "100", "is_authorized": "1"]).data
            let expected = fixture.market.brands.filter(\.isAuthorized).map(\.id)
            #expect(authorized["brands"]?.array?.compactMap { $0["id"]?.string } == expected)

            let brand = try #require(fixture.market.brands.first)
            let byName = try await fixture.client.call(
                .GET,
                "/product/202309/brands",
                query: ["page_size": "100", "brand_name": String(brand.name.prefix(3))]
            ).data
            #expect(byName["brands"]?.array?.contains { $0["id"]?.string == brand.id } == true)

            let restricted = try #require(fixture.market.brands.first { !$0.categoryIDs.isEmpty })
            let otherRoot = try #require(fixture.market.v2.categories.first { $0.parentID == "0" && !restricted.categoryIDs.contains($0.id) })
            let inOther = try await fixture.client.call(
                .GET,
                "/product/202309/brands",
                query: ["page_size": "100", "category_id": otherRoot.id, "category_version": "v2"]
            ).data
            #expect(inOther["brands"]?.array?.contains { $0["id"]?.string == restricted.id } == false)
        }
    }

    @Test(arguments: [
        (["category_version": "v2"], 12019108),
        (["page_size": "0"], 12019108),
        (["page_size": "101"], 12019108),
        (["page_size": "10", "page_token": "not-a-token"], 12019109),
    ])
    func refusesBadPaging(_ query: [String: String], _ code: Int) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(.GET, "/product/202309/brands", query: query)
            #expect(answer.code == code)
        }
    }
}
