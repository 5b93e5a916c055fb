import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

@Suite("Categories, rules, attributes, recommend")
struct CategoryEndpointTests {
    @Test(arguments: ["v1", "v2", "V2"])
    func getCategoriesIsTheFlatTreeWithoutProhibited(_ version: String) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let tree = fixture.market.tree(try #require(CategoryVersion(parsing: version)))
            let data = try await fixture.client.call(.GET, "/product/202309/categories", query: ["category_version": version]).data
            let categories = try #require(data["categories"]?.array)
            let ids = categories.compactMap { $0["id"]?.string }
            #expect(!ids.isEmpty)
            #expect(ids.allSatisfy { tree.contains($0) })
            #expect(
                categories.allSatisfy { $0["local_name"]?.string != nil && $0["is_leaf"]?.bool != nil && $0["permission_statuses"]?.array != nil }
            )
            #expect(categories.contains { $0["parent_id"]?.string == "0" })
            #expect(categories.allSatisfy { $0["level"] == nil })
            #expect(!categories.contains { $0["permission_statuses"]?.array?.contains(.string("PROHIBITED")) == true })

            let all = try await fixture.client.call(
                .GET,
                "/product/202309/categories",
                query: ["category_version": version, "include_prohibited_categories": "true"]
            ).data
            #expect(all["categories"]?.array?.count == tree.categories.count)
        }
    }

    @Test func omittedVersionMeansV1() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let data = try await fixture.client.call(.GET, "/product/202309/categories").data
            let ids = data["categories"]?.array?.compactMap { $0["id"]?.string } ?? []
            #expect(ids.allSatisfy { fixture.market.v1.contains($0) })
            #expect(ids.contains("601226"))
        }
    }

    @Test func keywordFiltersLocalNames() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let keyword = String(leaf.localName.prefix(5))
            let data = try await fixture.client.call(.GET, "/product/202309/categories", query: ["category_version": "v2", "keyword": keyword]).data
            let names = data["categories"]?.array?.compactMap { $0["local_name"]?.string } ?? []
            #expect(names.contains(leaf.localName))
            #expect(names.allSatisfy { $0.lowercased().contains(keyword.lowercased()) })
        }
    }

    @Test func unknownVersionIsAParameterError() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v3"])
            #expect(answer.status == 200)
            #expect(answer.code == 98001004)
        }
    }

    @Test func rulesAndAttributesOfAV2Leaf() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let rules = try await fixture.client.call(.GET, "/product/202309/categories/\(leaf.id)/rules", query: ["category_version": "v2"]).data
            for key in ["product_certifications", "size_chart", "cod", "package_dimension", "epr", "responsible_person", "manufacturer"] {
                #expect(rules[key] != nil, "rules lack \(key)")
            }
            let attributes =
                try await fixture.client.call(.GET, "/product/202309/categories/\(leaf.id)/attributes", query: ["category_version": "v2"])
                .data["attributes"]?.array ?? []
            #expect(!attributes.isEmpty)
            #expect(attributes.allSatisfy { $0["is_requried"]?.bool != nil && $0["is_required"] == nil })
            #expect(Set(attributes.compactMap { $0["type"]?.string }) == ["SALES_PROPERTY", "PRODUCT_PROPERTY"])
        }
    }

    struct LookupCase: CustomTestStringConvertible, Sendable {
        var name: String
        var version: String
        var pick: @Sendable (MarketCatalogue) -> String
        var code: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        LookupCase(name: "a v1 leaf asked as v2", version: "v2", pick: { $0.v1.leaves[0].id }, code: 12052230),
        LookupCase(name: "a v2 leaf asked as v1", version: "v1", pick: { $0.v2.leaves[0].id }, code: 12052230),
        LookupCase(name: "an unknown id", version: "v2", pick: { _ in "999999" }, code: 12052023),
        LookupCase(name: "a node that is not a leaf", version: "v2", pick: { $0.v2.categories.first { !$0.isLeaf }!.id }, code: 12052024),
        LookupCase(name: "not a category id", version: "v2", pick: { _ in "shoes" }, code: 12052002),
    ])
    func rulesAndAttributesRefuse(_ lookup: LookupCase) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let id = lookup.pick(fixture.market)
            for endpoint in ["rules", "attributes"] {
                let answer = try await fixture.client.call(
                    .GET,
                    "/product/202309/categories/\(id)/\(endpoint)",
                    query: ["category_version": lookup.version]
                )
                #expect(answer.status == 200)
                #expect(answer.code == lookup.code, "\(endpoint)")
            }
        }
    }

    @Test func recommendFindsTheLeafAndItsPath() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2) { leaf in
                leaf.permissionStatuses == [.available] && !(fixture.market.leaves[leaf.id]?.keywords.isEmpty ?? true)
            }
            let keyword = try #require(fixture.market.leaves[leaf.id]?.keywords.max { $0.count < $1.count })
            let data = try await fixture.client.call(
                .POST,
                "/product/202309/categories/recommend",
                json: ["product_title": "Brand new \(keyword) for everyday use", "category_version": "v2"]
            ).data
            let leafID = try #require(data["leaf_category_id"]?.string)
            let path = try #require(data["categories"]?.array)
            #expect(path.last?["id"]?.string == leafID)
            #expect(path.last?["is_leaf"]?.bool == true)
            #expect(path.enumerated().allSatisfy { $0.element["level"]?.number == Double($0.offset + 1) })
            #expect(fixture.market.v2[leafID]?.isLeaf == true)
            #expect(path.first.flatMap { $0["id"]?.string }.flatMap { fixture.market.v2[$0] }?.parentID == "0")
        }
    }

    @Test func recommendWithoutAMatchSaysSo() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(
                .POST,
                "/product/202309/categories/recommend",
                json: ["product_title": "zzqx wvvb", "category_version": "v2"]
            )
            #expect(answer.code == 12019064)
        }
    }

    @Test func recommendNeedsATitle() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(.POST, "/product/202309/categories/recommend", json: ["category_version": "v2"])
            #expect(answer.code == 98001004)
        }
    }
}

extension CategoryEndpointTests {
    @Test func unsupportedLocaleIsAParameterError() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let good = try await client.call(.GET, "/product/202309/categories", query: ["locale": "en-GB"])
            let bad = try await client.call(.GET, "/product/202309/categories", query: ["locale": "xx-XX"])
            #expect(good.code == 0)
            #expect(bad.code == 98001004)
        }
    }
}
