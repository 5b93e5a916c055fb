import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// `scenario from-cassette` on a recording made through `record` against a running tts-replay
/// reproduces that scenario's shop: the same shops, products, categories, versions and statuses.
@Suite("Scenario derivation: the round trip through record")
struct ScenarioRoundTripTests {
    /// What a product is, for the comparison: everything the recording can show.
    struct ProductShape: Hashable {
        var id, shop, title, category: String
        var version: CategoryVersion
        var status: Product.Status
        var brand: String?
        var attributes: [String: [String]]

        init(_ product: Product) {
            id = product.id
            shop = product.shopID
            title = product.title
            category = product.categoryID
            version = product.categoryVersion
            status = product.status
            brand = product.brandID
            attributes = product.attributes
        }
    }

    @Test(arguments: ["happy-path-gb", "cross-border", "eu-compliance-de"])
    func aRecordedShopDerivesItsOwnScenarioWhichServes(_ name: String) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("round-trip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try Scenario.builtIn(named: name)
        let recording = folder.appendingPathComponent("recorded.yaml")
        try await ShopRecording.record(original, to: recording.path)

        let cassette = try await offThePool { try Cassette.loadRecording(contentsOf: recording) }
        let result = try ScenarioDerivation.derive(from: [cassette], options: .init(name: "\(name)-derived"))
        let scenarioFile = folder.appendingPathComponent("\(name)-derived.yaml")
        try result.scenarioYAML.write(to: scenarioFile, atomically: true, encoding: .utf8)
        #expect(result.leftover == nil, "the simulator answers every call of the recording")
        let derived = try await offThePool { try Scenario.load(contentsOf: scenarioFile) }

        #expect(derived.shops == original.shops)
        #expect(derived.app.key == original.app.key)
        #expect(Set(derived.products.map(ProductShape.init)) == Set(original.products.map(ProductShape.init)))
        #expect(derived.products.map(\.id) != [], "the shop has products")
        #expect(result.counts.productsLeftOut == 0)

        try await withReplayServer(scenario: derived) { server in
            let client = SignedClient(server: server)
            let shops = try await client.listShops().data["shops"]?.array ?? []
            #expect(shops.count == original.shops.count)
            let found = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "100"], json: ["category_version": "v1"])
            let expected = original.products.filter { $0.shopID == original.primaryShop.id && $0.categoryVersion == .v1 }.count
            #expect(try found.data["products"]?.array?.count == expected)
        }
    }
}
