import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Search Products over HTTP: pages follow a cursor, answers are the encoder's bytes, and a
/// change shows in the next search.
@Suite("Search Products paging and answers")
struct ProductSearchTests {
    static let path = "/product/202502/products/search"

    /// One page: the ids, the total and the next token.
    static func page(
        _ fixture: ListingFixture,
        size: Int,
        token: String = "",
        filter: [String: Any]
    ) async throws -> (ids: [String], total: Int, next: String) {
        var query = ["page_size": "\(size)"]
        if !token.isEmpty { query["page_token"] = token }
        let data = try await fixture.client.call(.POST, path, query: query, json: filter).data
        return (
            data["products"]?.array?.compactMap { $0["id"]?.string } ?? [],
            Int(data["total_count"]?.number ?? -1),
            data["next_page_token"]?.string ?? ""
        )
    }

    /// Each product of a scenario has a SKU of its own: a search by one SKU id finds one product.
    @Test func eachScenarioProductHasASKUOfItsOwn() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let data = try await fixture.client.call(.POST, Self.path, query: ["page_size": "100"], json: [:]).data
            let products = data["products"]?.array ?? []
            let skuIDs = products.compactMap { $0["skus"]?[0]?["id"]?.string }
            #expect(skuIDs.count == server.scenario.products.count && Set(skuIDs).count == skuIDs.count, "\(skuIDs)")
            #expect(Set(skuIDs).isDisjoint(with: products.compactMap { $0["id"]?.string }))
            let found = try await Self.page(fixture, size: 100, filter: ["sku_ids": [skuIDs[0]]])
            #expect(found.ids == [products[0]["id"]?.string])
        }
    }

    /// `audit_status`, `return_draft_version` and `listing_platforms` filter (they were
    /// ignored: a client looking for failed audits got every product back).
    @Test func theAuditDraftAndPlatformFiltersFilter() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let created = try await fixture.createProduct(on: try fixture.leaf(.v2), version: .v2, title: "Under audit")
            let all = try await Self.page(fixture, size: 100, filter: [:])
            let auditing = try await Self.page(fixture, size: 100, filter: ["audit_status": ["AUDITING"]])
            #expect(auditing.ids == [created])
            let approved = try await Self.page(fixture, size: 100, filter: ["audit_status": ["APPROVED", "FAILED"]])
            #expect(Set(approved.ids) == Set(all.ids).subtracting([created]) && approved.total == approved.ids.count)
            #expect(try await Self.page(fixture, size: 100, filter: ["audit_status": ["FAILED"]]).ids.isEmpty)
            #expect(try await Self.page(fixture, size: 100, filter: ["return_draft_version": true]).ids.isEmpty, "the fake keeps no drafts")
            let onTikTok = try await Self.page(fixture, size: 100, filter: ["status": "ACTIVATE", "listing_platforms": ["TIKTOK_SHOP"]])
            #expect(onTikTok.ids == (try await Self.page(fixture, size: 100, filter: ["status": "ACTIVATE"])).ids)
            #expect(try await Self.page(fixture, size: 100, filter: ["status": "ACTIVATE", "listing_platforms": ["TOKOPEDIA"]]).ids.isEmpty)
            for refused: [String: Any] in [
                ["audit_status": ["NOT_A_STATUS"]], ["listing_platforms": ["TIKTOK_SHOP"]], ["return_draft_version": "yes"],
            ] {
                let answer = try await fixture.client.call(.POST, Self.path, query: ["page_size": "10"], json: refused).envelope
                #expect(answer.code == 98_001_004, "\(refused): \(answer.message)")
            }
        }
    }

    /// A field of the wrong JSON type is named plainly in the answer's message.
    @Test func aFieldOfTheWrongTypeIsNamed() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let answer = try await fixture.client.call(.POST, "/product/202309/products", json: ["category_id": 601_707]).envelope
            #expect(answer.code == 36009004)
            #expect(answer.message == "invalid param error (`category_id` has the wrong type)")
            let nested = try await fixture.client.call(.POST, "/product/202309/products", json: ["skus": [["price": 3]]]).envelope
            #expect(nested.message == "invalid param error (`skus[0].price` has the wrong type)")
        }
    }

    /// A product on the first page that an edit takes out of the filter does not make the next
    /// page skip one: the token is the position after the last product shown, not an offset.
    @Test func aProductLeavingTheFilterBetweenPagesMakesNoOtherSkipped() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let start = Int(server.scenario.clockStart.timeIntervalSince1970)
            var created: [String] = []
            for index in 0..<7 {
                await server.clock.advance(by: .seconds(60))
                created.append(try await fixture.createProduct(on: leaf, version: .v2, title: "Product \(index)"))
            }
            let filter: [String: Any] = ["update_time_ge": start, "update_time_le": Int(server.clock.now.timeIntervalSince1970)]
            let first = try await Self.page(fixture, size: 3, filter: filter)
            #expect(first.ids == created.reversed().prefix(3).map { $0 })
            #expect(first.total == 7)

            await server.clock.advance(by: .seconds(60))
            let edit = try await fixture.client.call(
                .PUT,
                "/product/202309/products/\(first.ids[0])",
                json: fixture.validBody(for: leaf, version: .v2, title: "Edited, now newer than the filter")
            )
            #expect(edit.code == 0)

            var seen = first.ids
            var token = first.next
            while !token.isEmpty && seen.count < 20 {
                let next = try await Self.page(fixture, size: 3, token: token, filter: filter)
                #expect(next.total == 6)
                seen += next.ids
                token = next.next
            }
            #expect(seen == created.reversed().map { $0 })
        }
    }

    /// The page is spliced from encoded products, and reads as the encoder writes it: keys
    /// sorted, no spaces, slashes unescaped, each product with the fields of the real API.
    @Test func aSearchAnswerIsTheBytesTheEncoderWrites() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            for index in 0..<3 { _ = try await fixture.createProduct(on: leaf, version: .v2, title: "Pot / pan \(index) ✓") }
            for filter: [String: Any] in [["status": "ACTIVATE"], [:], ["status": "DRAFT"]] {
                let answer = try await fixture.client.call(.POST, Self.path, query: ["page_size": "2"], json: filter)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                let reencoded = try encoder.encode(JSONDecoder().decode(JSONValue.self, from: answer.body))
                #expect(String(decoding: reencoded, as: UTF8.self) == String(decoding: answer.body, as: UTF8.self))
                let data = try answer.data
                #expect(data.object.map { Set($0.keys) } == ["next_page_token", "products", "total_count"])
                for product in data["products"]?.array ?? [] {
                    #expect(
                        product.object.map { Set($0.keys) } == [
                            "audit", "create_time", "has_draft", "id", "is_not_for_sale", "product_sync_fail_reasons",
                            "recommended_categories", "sales_regions", "skus", "status", "title", "update_time",
                        ]
                    )
                }
            }
        }
    }

    /// A product shown by a search, then edited, shows as edited: its encoded entry went with the edit.
    @Test func anEditShowsInTheNextSearch() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let id = try await fixture.createProduct(on: leaf, version: .v2, title: "Before")
            let filter: [String: Any] = ["category_version": "v2"]
            func shown() async throws -> JSON? {
                let data = try await fixture.client.call(.POST, Self.path, query: ["page_size": "50"], json: filter).data
                return data["products"]?.array?.first { $0["id"]?.string == id }
            }
            let before = try #require(try await shown())
            #expect(before["title"]?.string == "Before")
            await server.clock.advance(by: .seconds(90))
            var body = fixture.validBody(for: leaf, version: .v2, title: "After")
            body["skus"] = [
                [
                    "seller_sku": "TEST-SKU-2", "price": ["amount": "3.00", "currency": fixture.market.currency],
                    "inventory": [["warehouse_id": "7068517275539719942", "quantity": 1]],
                ]
            ]
            #expect(try await fixture.client.call(.PUT, "/product/202309/products/\(id)", json: body).code == 0)
            let after = try #require(try await shown())
            #expect(after["title"]?.string == "After")
            #expect(after["update_time"]?.number == (before["update_time"]?.number ?? 0) + 90)
            #expect(after["skus"]?[0]?["seller_sku"]?.string == "TEST-SKU-2")
        }
    }

    /// A time past what Unix seconds can hold is no bound rather than a crash.
    @Test func aTimeBeyondSixtyFourBitsIsNoBound() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let all = try await Self.page(fixture, size: 10, filter: [:])
            let bounded = try await Self.page(fixture, size: 10, filter: ["create_time_le": 1e30, "update_time_le": 1e300])
            #expect(bounded.total == all.total)
            #expect(bounded.ids == all.ids)
        }
    }
}
