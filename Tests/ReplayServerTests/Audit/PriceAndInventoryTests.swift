import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Update Price and Update Inventory: applied at once, without audit, and kept by a later pass
/// of content that was under review.
@Suite("Update Price and Update Inventory")
struct PriceAndInventoryTests {
    static let mugs = UpgradeFixture.mugs
    static let warehouse = "7068517275539719942"

    static func sku(_ fixture: AuditFixture) async throws -> String {
        try #require(try await fixture.product(mugs)["skus"]?[0]?["id"]?.string)
    }

    static func price(
        _ fixture: AuditFixture,
        sku: String,
        amount: String = "8.50",
        currency: String = "GBP",
        product: String = mugs
    ) async throws
        -> Answer
    {
        try await fixture.client.call(
            .POST,
            "/product/202309/products/\(product)/prices/update",
            json: ["skus": [["id": sku, "price": ["amount": amount, "currency": currency]]]]
        )
    }

    static func inventory(_ fixture: AuditFixture, sku: String, quantity: Int, warehouse: String? = warehouse) async throws -> Answer {
        var entry: [String: Any] = ["quantity": quantity]
        if let warehouse { entry["warehouse_id"] = warehouse }
        return try await fixture.client.call(
            .POST,
            "/product/202309/products/\(mugs)/inventory/update",
            json: ["skus": [["id": sku, "inventory": [entry]]]]
        )
    }

    @Test func aPriceChangesAtOnceWithoutAudit() async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            let answer = try await Self.price(fixture, sku: sku)
            #expect(answer.code == 0)
            #expect(try answer.data == .object([:]))
            let product = try await fixture.product(Self.mugs)
            #expect(product["skus"]?[0]?["price"]?["sale_price"]?.string == "8.50")
            #expect(product["audit"]?["status"]?.string == "APPROVED")
            #expect(await fixture.webhooks().isEmpty)
        }
    }

    @Test func aPriceChangedDuringAnAuditSurvivesThePass() async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            let answer = try await fixture.client.call(.POST, "/product/202309/products/\(Self.mugs)/partial_edit", json: ["title": "Mugs, renamed"])
            #expect(answer.code == 0)
            #expect(try await Self.price(fixture, sku: sku, amount: "9.75").code == 0)
            await fixture.server.clock.advance(by: .seconds(3600))
            let product = try await fixture.product(Self.mugs)
            #expect(product["title"]?.string == "Mugs, renamed")
            #expect(product["skus"]?[0]?["price"]?["sale_price"]?.string == "9.75")
        }
    }

    @Test(arguments: [Self.warehouse, nil])
    func inventoryChangesAtOnceAndAOnlyWarehouseMayBeLeftOut(_ warehouse: String?) async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 42, warehouse: warehouse).code == 0)
            let inventory = try await fixture.product(Self.mugs)["skus"]?[0]?["inventory"]?[0]
            #expect(inventory?["quantity"]?.number == 42)
            #expect(inventory?["warehouse_id"]?.string == Self.warehouse)
        }
    }

    @Test func priceErrors() async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            #expect(try await Self.price(fixture, sku: "1").code == 12052910, "a SKU of another product")
            #expect(try await Self.price(fixture, sku: sku, currency: "USD").code == 12052084, "another currency")
            #expect(try await Self.price(fixture, sku: sku, product: "1700000000000000001").code == 12052260, "an unknown product")
            let empty = try await fixture.client.call(.POST, "/product/202309/products/\(Self.mugs)/prices/update", json: ["skus": []])
            #expect(empty.code == 12052910)
            _ = try await fixture.client.call(.POST, "/product/202309/products/deactivate", json: ["product_ids": [Self.mugs]])
            #expect(try await Self.price(fixture, sku: sku).code == 12052901, "only an ACTIVATE product's price changes")
        }
    }

    @Test func inventoryErrors() async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 0).code == 12052055)
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 100_000).code == 12052055)
            #expect(try await Self.inventory(fixture, sku: "1", quantity: 5).code == 12052910)
            _ = try await fixture.client.call(.POST, "/product/202309/products/deactivate", json: ["product_ids": [Self.mugs]])
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 5).code == 0, "a deactivated product's inventory still changes")
            _ = try await fixture.client.call(.DELETE, "/product/202309/products", json: ["product_ids": [Self.mugs]])
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 5).code == 12052901)
        }
    }

    /// The docs' example: a warehouse the SKU does not have is a per-SKU error in `data.errors`
    /// (12052990 with 12052097 in `extra_errors`), and that SKU keeps its stock.
    @Test func anUnknownWarehouseIsAPerSKUErrorAndChangesNothing() async throws {
        try await AuditFixture.run { fixture in
            let sku = try await Self.sku(fixture)
            let before = try await fixture.product(Self.mugs)["skus"]?[0]?["inventory"]
            let answer = try await Self.inventory(fixture, sku: sku, quantity: 40, warehouse: "7068517275539719000")
            #expect(answer.code == 0, "the call succeeds; the SKU's error is in data.errors")
            let error = try #require(try answer.data["errors"]?[0])
            #expect(error["code"]?.number == 12052990)
            #expect(error["message"]?.string == "Check failed")
            #expect(error["detail"]?["sku_id"]?.string == sku)
            #expect(error["detail"]?["extra_errors"]?[0]?["code"]?.number == 12052097)
            #expect(error["detail"]?["extra_errors"]?[0]?["warehouse_id"]?.string == "7068517275539719000")
            #expect(try await fixture.product(Self.mugs)["skus"]?[0]?["inventory"] == before)
            #expect(try await Self.inventory(fixture, sku: sku, quantity: 41).data["errors"] == .array([]), "no error, an empty list")
        }
    }
}
