import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios

/// A server for a scenario, a signed client, and the market catalogue of its primary shop,
/// so that tests take their category ids from the data instead of hard-coding them.
struct ListingFixture {
    let server: ReplayServer
    let client: SignedClient
    let market: MarketCatalogue

    init(_ server: ReplayServer) throws {
        self.server = server
        self.client = SignedClient(server: server)
        self.market = try server.scenario.catalogue.market(server.scenario.primaryShop.region)
    }

    /// The first leaf of a tree that satisfies a condition.
    func leaf(_ version: CategoryVersion, where condition: (Category) -> Bool = { $0.permissionStatuses == [.available] }) throws -> Category {
        guard let leaf = market.tree(version).leaves.first(where: condition) else {
            throw AnswerError(message: "no \(version) leaf in \(market.region) fits the test")
        }
        return leaf
    }

    /// A Create Product body that passes every check for a leaf: required attributes and
    /// certifications filled, one SKU in the market's currency.
    func validBody(for leaf: Category, version: CategoryVersion?, title: String = "Test product") -> [String: Any] {
        let details = market.leaves[leaf.id]
        let attributes: [[String: Any]] = (details?.requiredAttributes ?? []).map { required in
            let firstValue = details?.attributes.first { $0["id"]?.string == required.id }?["values"]?.array?.first?["id"]?.string
            return ["id": required.id, "values": [firstValue.map { ["id": $0] } ?? ["name": "42"]]]
        }
        var body: [String: Any] = [
            "title": title,
            "description": "<p>\(title)</p>",
            "category_id": leaf.id,
            "main_images": [["uri": "tos-maliva-i-o3syd03w52-eu/test"]],
            "product_attributes": attributes,
            "certifications": (details?.requiredCertifications ?? []).map { ["id": $0.id, "images": [["uri": "tos-cert"]]] },
            "skus": [
                [
                    "seller_sku": "TEST-SKU-1",
                    "price": ["amount": "12.50", "currency": market.currency],
                    "inventory": [["warehouse_id": "7068517275539719942", "quantity": 10]],
                ]
            ],
        ]
        if let version { body["category_version"] = version.rawValue }
        return body
    }

    /// Creates a product and returns its id.
    func createProduct(on leaf: Category, version: CategoryVersion, title: String = "Test product") async throws -> String {
        let answer = try await client.call(.POST, "/product/202309/products", json: validBody(for: leaf, version: version, title: title))
        guard let id = try answer.data["product_id"]?.string else { throw AnswerError(message: "create returned no product_id") }
        return id
    }
}
