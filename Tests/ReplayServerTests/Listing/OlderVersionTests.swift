import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// The older versions real clients still call, and the legacy global reads: answered like the
/// current ones, with `category_version` where that version takes it.
@Suite("Older versions and global reads")
struct OlderVersionTests {
    /// The ids a search of one version finds, with `category_version` where it travels.
    static func search(_ fixture: ListingFixture, _ operation: APIOperation, version: String) async throws -> [String] {
        let inQuery = operation.categoryVersion == .query
        let data = try await fixture.client.call(
            .POST,
            operation.pathTemplate,
            query: ["page_size": "50"].merging(inQuery ? ["category_version": version] : [:]) { $1 },
            json: inQuery ? [:] : ["category_version": version]
        ).data
        return data["products"]?.array?.compactMap { $0["id"]?.string } ?? []
    }

    @Test(arguments: [APIOperation.searchProducts202309, .searchProducts202312])
    func everySearchVersionFindsWhatTheCurrentOneFinds(_ operation: APIOperation) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let created = try await fixture.createProduct(on: try fixture.leaf(.v2), version: .v2)
            for version in ["v1", "v2"] {
                let found = try await Self.search(fixture, operation, version: version)
                #expect(found == (try await Self.search(fixture, .searchProducts, version: version)), "\(version)")
                #expect(found.contains(created) == (version == "v2"))
            }
        }
    }

    @Test func search202309ReadsTheVersionFromTheQueryNotTheBody() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            _ = try await fixture.createProduct(on: try fixture.leaf(.v2), version: .v2)
            let inBody = try await fixture.client.call(
                .POST,
                APIOperation.searchProducts202309.pathTemplate,
                query: ["page_size": "50"],
                json: ["category_version": "v2"]
            ).data
            #expect(inBody["total_count"]?.number == Double(server.scenario.products.count + 1), "a body version is ignored: both trees")
        }
    }

    @Test func globalCategoriesAreReadOnEitherTreeWithoutAShop() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            for version in CategoryVersion.allCases {
                let answer = try await fixture.client.send(
                    .GET,
                    "/product/202309/global_categories",
                    options: .init(extraQuery: ["category_version": version.rawValue])
                )
                let ids = try answer.data["categories"]?.array?.compactMap { $0["id"]?.string } ?? []
                #expect(Set(ids).isSubset(of: Set(fixture.market.tree(version).categories.map(\.id))))
                #expect(!ids.isEmpty)
            }
            let leaf = try fixture.leaf(.v2)
            let rules = try await fixture.client.send(
                .GET,
                "/product/202309/categories/\(leaf.id)/global_rules",
                options: .init(extraQuery: ["category_version": "v2"])
            )
            #expect(rules.code == 0)
            let withCipher = try await fixture.client.send(.GET, "/product/202309/global_categories", shopScoped: true)
            #expect(withCipher.code == 36009004, "a global read takes no shop_cipher")
        }
    }
}
