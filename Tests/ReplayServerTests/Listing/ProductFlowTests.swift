import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

@Suite("Products: create, get, edit, search")
struct ProductFlowTests {
    static let usScenario = """
        name: us-shop
        shops:
          - {id: "7494049642642441621", name: Lakeside Goods, region: US, seller_type: LOCAL, cipher: ROW_us_lakeside}
        """

    @Test(arguments: ["default", "us"])
    func createGetEditSearchRoundTrip(_ which: String) async throws {
        let scenario = which == "us" ? try Scenario.parse(Self.usScenario) : try Scenario.default
        try await withReplayServer(scenario: scenario) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let created = try await fixture.client.call(
                .POST,
                "/product/202309/products",
                json: fixture.validBody(for: leaf, version: .v2, title: "Round trip")
            )
            let data = try created.data
            let productID = try #require(data["product_id"]?.string)
            #expect(productID.count == 19)
            let skuID = try #require(data["skus"]?[0]?["id"]?.string)
            #expect(data["warnings"]?.array != nil)
            #expect(try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data["status"]?.string == "PENDING")
            await server.clock.advance(by: .seconds(3600))  // the audit passes

            let product = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            #expect(product["title"]?.string == "Round trip")
            #expect(product["status"]?.string == "ACTIVATE")
            let chain = product["category_chains"]?.array ?? []
            #expect(chain.compactMap { $0["id"]?.string } == fixture.market.v2.path(to: leaf.id).map(\.id))
            #expect(chain.first?["parent_id"]?.string == "0")
            #expect(chain.last?["is_leaf"]?.bool == true)
            #expect(product["skus"]?[0]?["price"]?["currency"]?.string == fixture.market.currency)

            let other = try fixture.leaf(.v2) { $0.permissionStatuses == [.available] && $0.id != leaf.id }
            var edit = fixture.validBody(for: other, version: .v2, title: "Round trip, edited")
            edit["skus"] = [
                ["id": skuID, "seller_sku": "TEST-SKU-1", "sales_attributes": [["name": "Colour", "value_name": "Red"]]],
                [
                    "seller_sku": "TEST-SKU-2", "price": ["amount": "3.00", "currency": fixture.market.currency],
                    "inventory": [["warehouse_id": "7068517275539719942", "quantity": 5]],
                    "sales_attributes": [["name": "Colour", "value_name": "Blue"]],
                ],
            ]
            let edited = try await fixture.client.call(.PUT, "/product/202509/products/\(productID)", json: edit).data
            #expect(edited["audit"]?["status"]?.string != nil)
            #expect(edited["skus"]?.array?.count == 2)
            #expect(edited["skus"]?[0]?["id"]?.string == skuID)
            await server.clock.advance(by: .seconds(3600))  // the edit's audit passes

            let after = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            #expect(after["title"]?.string == "Round trip, edited")
            #expect(after["category_chains"]?.array?.last?["id"]?.string == other.id)
            #expect(after["skus"]?[0]?["price"]?["sale_price"]?.string == "12.50", "a kept SKU keeps its price")

            let v2 = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "50"],
                json: ["category_version": "v2"]
            ).data
            #expect(v2["products"]?.array?.compactMap { $0["id"]?.string } == [productID])
            #expect(v2["products"]?[0]?["sales_regions"]?[0]?.string == fixture.market.region.rawValue)
            let v1 = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "50"],
                json: ["category_version": "V1"]
            ).data
            #expect(v1["products"]?.array?.count == server.scenario.products.count)
            let both = try await fixture.client.call(.POST, "/product/202502/products/search", query: ["page_size": "50"], json: [:]).data
            #expect(both["total_count"]?.number == Double(server.scenario.products.count + 1))
        }
    }

    @Test func v1OnAGBShopFailsAtCreate() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let answer = try await fixture.client.call(
                .POST,
                "/product/202309/products",
                json: fixture.validBody(for: try fixture.leaf(.v1), version: .v1)
            )
            #expect(answer.status == 200)
            #expect(answer.code == 12052217)
            let omitted = try await fixture.client.call(
                .POST,
                "/product/202309/products",
                json: fixture.validBody(for: try fixture.leaf(.v1), version: nil)
            )
            #expect(omitted.code == 12052217, "an omitted version means v1")
        }
    }

    @Test(arguments: [
        "market_policy: {GB: {v2_required: false}}",
        "market_policy: {GB: {v2_required_from: 2026-12-01T00:00:00Z}}",
    ])
    func v1IsAcceptedBeforeTheRollout(_ policy: String) async throws {
        try await withReplayServer(scenario: Scenario.parse("name: before-rollout\n\(policy)\n")) { server in
            let fixture = try ListingFixture(server)
            let answer = try await fixture.client.call(
                .POST,
                "/product/202309/products",
                json: fixture.validBody(for: try fixture.leaf(.v1), version: .v1)
            )
            #expect(answer.code == 0)
        }
    }

    @Test func v1ReadsCanBeRefusedToo() async throws {
        try await withReplayServer(scenario: Scenario.parse("name: strict\nmarket_policy: {GB: {v1_reads_refused: true}}\n")) { server in
            let client = SignedClient(server: server)
            let v1 = try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
            let v2 = try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2"])
            #expect(v1.code == 12052217)
            #expect(v2.code == 0)
        }
    }

    struct RefusalCase: CustomTestStringConvertible, Sendable {
        var name: String
        var code: Int
        var change: @Sendable (ListingFixture, inout [String: Any]) throws -> Void
        var testDescription: String { name }
    }

    @Test(arguments: [
        RefusalCase(name: "a v1 leaf named as v2", code: 12052230) { fixture, body in body["category_id"] = try fixture.leaf(.v1).id },
        RefusalCase(name: "an unknown category", code: 12052023) { _, body in body["category_id"] = "999999" },
        RefusalCase(name: "a category that is not a leaf", code: 12052024) { fixture, body in
            body["category_id"] = fixture.market.v2.categories.first { !$0.isLeaf }!.id
        },
        RefusalCase(name: "a PROHIBITED leaf", code: 12052220) { fixture, body in
            body = fixture.validBody(for: try fixture.leaf(.v2) { $0.isProhibited }, version: .v2)
        },
        RefusalCase(name: "an INVITE_ONLY leaf", code: 12052223) { fixture, body in
            body = fixture.validBody(for: try fixture.leaf(.v2) { $0.permissionStatuses.contains(.inviteOnly) && !$0.isProhibited }, version: .v2)
        },
        RefusalCase(name: "a missing required attribute", code: 12052104) { _, body in body["product_attributes"] = [] },
        RefusalCase(name: "an unknown brand", code: 12052026) { _, body in body["brand_id"] = "1" },
        RefusalCase(name: "an unauthorised tier-1 brand", code: 12052201) { fixture, body in
            body["brand_id"] = fixture.market.brands.first { !$0.isAuthorized && $0.isT1Brand }!.id
        },
        RefusalCase(name: "no main image", code: 12052028) { _, body in body["main_images"] = [] },
        RefusalCase(name: "no description", code: 12052015) { _, body in body["description"] = nil },
        RefusalCase(name: "a title over 255 characters", code: 12052051) { _, body in body["title"] = String(repeating: "a", count: 256) },
        RefusalCase(name: "a category id of the wrong type", code: 36009004) { _, body in body["category_id"] = 600001 },
        RefusalCase(name: "a price in another currency", code: 12052084) { _, body in
            body["skus"] = [
                ["seller_sku": "X", "price": ["amount": "1.00", "currency": "THB"], "inventory": [["warehouse_id": "1", "quantity": 1]]]
            ]
        },
    ])
    func createRefuses(_ refusal: RefusalCase) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            var body = fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            try refusal.change(fixture, &body)
            let answer = try await fixture.client.call(.POST, "/product/202309/products", json: body)
            #expect(answer.status == 200)
            #expect(answer.code == refusal.code, "\(String(decoding: answer.body, as: UTF8.self))")
            let search = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "100"],
                json: ["category_version": "v2"]
            ).data
            #expect(search["total_count"]?.number == 0, "a refused product is not stored")
        }
    }

    @Test func qualifiedShopMayListInAnInviteOnlyCategory() async throws {
        let probe = try Scenario.default
        let market = try probe.catalogue.market(.gb)
        let restricted = try #require(market.v2.leaves.first { $0.permissionStatuses.contains(.inviteOnly) && !$0.isProhibited })
        let root = try #require(market.v2.path(to: restricted.id).first)
        let scenario = try Scenario.parse("shops:\n  - {id: \"1\", cipher: ROW_q, qualified_categories: [\"\(root.id)\"]}\n")
        try await withReplayServer(scenario: scenario) { server in
            let fixture = try ListingFixture(server)
            let answer = try await fixture.client.call(.POST, "/product/202309/products", json: fixture.validBody(for: restricted, version: .v2))
            #expect(answer.code == 0)
        }
    }

    @Test func getAndEditRefuseUnknownAndForeignProducts() async throws {
        let scenario = try Scenario.parse(
            """
            shops:
              - {id: "1", cipher: ROW_one}
              - {id: "2", cipher: ROW_two}
            products:
              - {id: "100", shop: "1", title: Frozen, category_id: "601226", status: FREEZE}
              - {id: "200", shop: "2", title: Theirs, category_id: "601226"}
            """
        )
        try await withReplayServer(scenario: scenario) { server in
            let fixture = try ListingFixture(server)
            let body = fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            #expect(try await fixture.client.call(.GET, "/product/202309/products/999").code == 12019150)
            #expect(try await fixture.client.call(.GET, "/product/202309/products/200").code == 12019150)
            #expect(try await fixture.client.call(.GET, "/product/202309/products/100").data["status"]?.string == "FREEZE")
            #expect(try await fixture.client.call(.PUT, "/product/202309/products/999", json: body).code == 12052260)
            #expect(try await fixture.client.call(.PUT, "/product/202309/products/200", json: body).code == 12052034)
            #expect(try await fixture.client.call(.PUT, "/product/202309/products/100", json: body).code == 12052901)
        }
    }

    /// Search answers newest update first, and an edit moves a product to the front.
    @Test func searchIsNewestFirstAndAnEditMovesAProductToTheFront() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            func order() async throws -> [String] {
                let data = try await fixture.client.call(
                    .POST,
                    "/product/202502/products/search",
                    query: ["page_size": "10"],
                    json: ["category_version": "v2"]
                ).data
                return data["products"]?.array?.compactMap { $0["id"]?.string } ?? []
            }
            let first = try await fixture.createProduct(on: leaf, version: .v2, title: "First")
            await server.clock.advance(by: .seconds(60))
            let second = try await fixture.createProduct(on: leaf, version: .v2, title: "Second")
            #expect(try await order() == [second, first])
            await server.clock.advance(by: .seconds(60))
            let edit = try await fixture.client.call(
                .PUT,
                "/product/202309/products/\(first)",
                json: fixture.validBody(for: leaf, version: .v2, title: "First, edited")
            )
            #expect(edit.code == 0)
            #expect(try await order() == [first, second])
        }
    }

    @Test func searchPagesToTheEndAndFilters() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            var created: [String] = []
            for index in 0..<7 { created.append(try await fixture.createProduct(on: leaf, version: .v2, title: "Product \(index)")) }
            await server.clock.advance(by: .seconds(3600))  // their audits pass: ACTIVATE
            var token = ""
            var seen: [String] = []
            repeat {
                var query = ["page_size": "3"]
                if !token.isEmpty { query["page_token"] = token }
                let data = try await fixture.client.call(
                    .POST,
                    "/product/202502/products/search",
                    query: query,
                    json: ["category_version": "v2", "status": "ACTIVATE"]
                ).data
                #expect(data["total_count"]?.number == 7)
                seen += data["products"]?.array?.compactMap { $0["id"]?.string } ?? []
                token = data["next_page_token"]?.string ?? ""
            } while !token.isEmpty && seen.count < 100
            #expect(Set(seen) == Set(created))
            #expect(seen.count == 7)

            let drafts = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "10"],
                json: ["status": "DRAFT"]
            ).data
            #expect(drafts["total_count"]?.number == 0)
            let start = Int(server.scenario.clockStart.timeIntervalSince1970)
            let recent = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "10"],
                json: ["create_time_ge": start]
            ).data
            #expect(recent["total_count"]?.number == 7)
            let bySKU = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "10"],
                json: ["seller_skus": ["TEST-SKU-1"]]
            ).data
            #expect(bySKU["total_count"]?.number == 7)
        }
    }

    @Test(arguments: [
        ([String: String](), "{}", 98001004),
        (["page_size": "101"], "{}", 98001004),
        (["page_size": "10", "page_token": "%%"], "{}", 98001004),
        (["page_size": "10"], #"{"status": "SOLD"}"#, 98001004),
        (["page_size": "10"], #"{"category_version": "v9"}"#, 98001004),
        (["page_size": "10"], #"{"create_time_ge": 20, "create_time_le": 10}"#, 12019118),
        (["page_size": "10"], #"{"update_time_ge": 20, "update_time_le": 10}"#, 12019119),
        (["page_size": "10"], #"{"seller_skus": ["1","2","3","4","5","6","7","8","9","10","11"]}"#, 12019027),
        (["page_size": "10"], #"{"sku_ids": ["1","2","3","4","5","6","7","8","9","10","11"]}"#, 12019087),
    ])
    func searchRefuses(_ query: [String: String], _ body: String, _ code: Int) async throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(.POST, "/product/202502/products/search", query: query, json: json)
            #expect(answer.code == code)
        }
    }
}
