import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Partial Edit Product on both paths: only the fields sent change, through the audit; a
/// category change follows Edit's `category_version` rules; prices and inventory skip the audit.
@Suite("Partial Edit Product")
struct PartialEditTests {
    static let mugs = UpgradeFixture.mugs
    static let paths = ["/product/202309/products/{id}/partial_edit", "/product/202509/products/{id}/partial_edit"]

    static func partialEdit(_ fixture: AuditFixture, _ path: String, _ id: String, _ body: [String: Any]) async throws -> Answer {
        try await fixture.client.call(.POST, path.replacing("{id}", with: id), json: body)
    }

    @Test(arguments: paths)
    func onlyTheFieldsSentChangeAfterTheAudit(_ path: String) async throws {
        try await AuditFixture.run { fixture in
            let before = try await fixture.product(Self.mugs)
            let answer = try await Self.partialEdit(fixture, path, Self.mugs, ["title": "Mugs, renamed"])
            #expect(answer.code == 0)
            #expect(try answer.data["product_id"]?.string == Self.mugs)
            #expect(try answer.data["audit"]?["status"]?.string == "AUDITING")
            #expect(try await fixture.product(Self.mugs)["title"] == before["title"], "under review")
            #expect(try await fixture.product(Self.mugs, underReview: true)["title"]?.string == "Mugs, renamed")
            await fixture.server.clock.advance(by: .seconds(3600))
            let after = try await fixture.product(Self.mugs)
            #expect(after["title"]?.string == "Mugs, renamed")
            #expect(after["description"] == before["description"])
            #expect(after["category_chains"] == before["category_chains"])
            #expect(after["skus"] == before["skus"])
            #expect(await fixture.webhooks().map(\.type) == [37, 5, 37], "no category change")
        }
    }

    @Test(arguments: paths)
    func aCategoryChangeOnV2PassesTheAuditAndSendsType18(_ path: String) async throws {
        try await AuditFixture.run { fixture in
            let leaf = try fixture.listing.leaf(.v2)
            let full = fixture.listing.validBody(for: leaf, version: .v2)
            let leafFields: Set = ["category_id", "category_version", "product_attributes", "certifications", "size_chart"]
            let body = full.filter { leafFields.contains($0.key) }
            #expect(try await Self.partialEdit(fixture, path, Self.mugs, body).code == 0)
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(AuditFixture.leaf(of: try await fixture.product(Self.mugs)) == leaf.id)
            #expect(await fixture.webhooks().map(\.type) == [37, 5, 37, 18])
        }
    }

    @Test(arguments: paths)
    func aCategoryChangeFollowsEditsCategoryVersionRules(_ path: String) async throws {
        try await AuditFixture.run { fixture in
            let v1Leaf = try fixture.listing.leaf(.v1)
            let v2Leaf = try fixture.listing.leaf(.v2)
            #expect(try await Self.partialEdit(fixture, path, Self.mugs, ["category_id": v1Leaf.id, "category_version": "v1"]).code == 12052217)
            #expect(try await Self.partialEdit(fixture, path, Self.mugs, ["category_id": v2Leaf.id]).code == 12052217, "omitted means v1")
            #expect(try await Self.partialEdit(fixture, path, Self.mugs, ["category_id": v1Leaf.id, "category_version": "v2"]).code == 12052230)
        }
    }

    @Test func pricesAndInventoryAloneSkipTheAudit() async throws {
        try await AuditFixture.run { fixture in
            let sku = try #require(try await fixture.product(Self.mugs)["skus"]?[0]?["id"]?.string)
            let body: [String: Any] = [
                "skus": [
                    [
                        "id": sku, "price": ["amount": "7.25", "currency": "GBP"],
                        "inventory": [["warehouse_id": "7068517275539719942", "quantity": 3]],
                    ]
                ]
            ]
            let answer = try await Self.partialEdit(fixture, Self.paths[0], Self.mugs, body)
            #expect(try answer.data["audit"]?["status"]?.string == "APPROVED")
            let product = try await fixture.product(Self.mugs)
            #expect(product["skus"]?[0]?["price"]?["sale_price"]?.string == "7.25")
            #expect(product["skus"]?[0]?["inventory"]?[0]?["quantity"]?.number == 3)
            #expect(await fixture.webhooks().isEmpty)
        }
    }

    @Test func aProductWithNewContentUnderReviewIsEditedOnTopOfIt() async throws {
        try await AuditFixture.run { fixture in
            _ = try await Self.partialEdit(fixture, Self.paths[0], Self.mugs, ["title": "Mugs, renamed"])
            _ = try await Self.partialEdit(fixture, Self.paths[1], Self.mugs, ["description": "<p>New</p>"])
            await fixture.server.clock.advance(by: .seconds(3600))
            let after = try await fixture.product(Self.mugs)
            #expect(after["title"]?.string == "Mugs, renamed")
            #expect(after["description"]?.string == "<p>New</p>")
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var product: String
        var body: String
        var code: Int
        var testDescription: String { name }
    }

    @Test(arguments: [
        Refusal(name: "an unknown product", product: "1700000000000000001", body: #"{"title":"x"}"#, code: 12052260),
        Refusal(name: "an empty title", product: mugs, body: #"{"title":""}"#, code: 12052261),
        Refusal(name: "a title over 255 characters", product: mugs, body: #"{"title":"\#(String(repeating: "a", count: 256))"}"#, code: 12052051),
        Refusal(name: "an empty description", product: mugs, body: #"{"description":""}"#, code: 12052015),
        Refusal(name: "no main image", product: mugs, body: #"{"main_images":[]}"#, code: 12052028),
        Refusal(name: "an unknown SKU id", product: mugs, body: #"{"skus":[{"id":"1","price":{"amount":"1","currency":"GBP"}}]}"#, code: 12052910),
        Refusal(
            name: "a price in another currency",
            product: mugs,
            body: #"{"skus":[{"seller_sku":"A","price":{"amount":"1","currency":"USD"}}]}"#,
            code: 12052084
        ),
    ])
    func aBadPartialEditFailsWithItsCode(_ refusal: Refusal) async throws {
        try await AuditFixture.run { fixture in
            let body = try JSONSerialization.jsonObject(with: Data(refusal.body.utf8)) as? [String: Any] ?? [:]
            #expect(try await Self.partialEdit(fixture, Self.paths[0], refusal.product, body).code == refusal.code)
        }
    }

    @Test func aDeletedProductCannotBeEdited() async throws {
        try await AuditFixture.run { fixture in
            _ = try await fixture.client.call(.DELETE, "/product/202309/products", json: ["product_ids": [Self.mugs]])
            #expect(try await Self.partialEdit(fixture, Self.paths[0], Self.mugs, ["title": "x"]).code == 12052901)
        }
    }
}
