import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Each listing rule refuses a draft with TikTok's code and documented message, Check Product
/// Listing reports the same problem without creating, and the draft passes once satisfied.
@Suite("Listing rules: real codes and messages")
struct ListingRuleTests {
    struct RuleCase: CustomTestStringConvertible, Sendable {
        var name: String
        var scenario: String?
        var leaf: @Sendable (ListingFixture) throws -> Category = { try $0.leaf(.v2) }
        /// Breaks a valid body.
        var breaks: @Sendable (ListingFixture, inout [String: Any]) throws -> Void
        var code: Int
        var message: String
        /// Whether `message` is the whole message, or a part of it (one that names a leaf).
        var exact = true
        var testDescription: String { name }
    }

    /// The text of 98001004 naming a field.
    static func invalid(_ field: String, _ reason: String, _ expected: String) -> String {
        "Parameter \(field) is invalid. Reason: \(reason). Expected: \(expected)"
    }

    /// Replaces the first SKU's fields, keeping the others.
    static func firstSKU(_ body: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var skus = body["skus"] as? [[String: Any]] ?? []
        change(&skus[0])
        body["skus"] = skus
    }

    static let twoSKUs: @Sendable (ListingFixture, [[String: Any]?]) -> [[String: Any]] = { fixture, attributes in
        attributes.enumerated().map { index, attribute in
            var sku: [String: Any] = [
                "seller_sku": "TEST-SKU-\(index)", "price": ["amount": "12.50", "currency": fixture.market.currency],
                "inventory": [["warehouse_id": "7068517275539719942", "quantity": 10]],
            ]
            if let attribute { sku["sales_attributes"] = [attribute] }
            return sku
        }
    }

    static let idShop = "shops:\n  - {id: \"7494000000000000001\", region: ID, cipher: ROW_id_shop}\n"
    static let deShop = "shops:\n  - {id: \"7494000000000000002\", region: DE, cipher: ROW_de_shop}\n"

    static func kitchenLeaf(_ fixture: ListingFixture) throws -> Category {
        try fixture.leaf(.v2) { $0.permissionStatuses == [.available] && fixture.market.leaves[$0.id]?.profile == "kitchen" }
    }

    @Test(arguments: [
        RuleCase(name: "an empty title", breaks: { _, body in body["title"] = "" }, code: 12052261, message: "product name is empty"),
        RuleCase(
            name: "a title over 255 characters",
            breaks: { _, body in body["title"] = String(repeating: "a", count: 256) },
            code: 12052051,
            message: "The product name exceed max limit characters"
        ),
        RuleCase(
            name: "a title under 25 characters outside DE ES FR IE IT JP UK US",
            scenario: idShop,
            breaks: { _, body in body["title"] = "Kaos polos" },
            code: 12052910,
            message: "Invalid input parameters. Refer to the API documentation for details."
        ),
        RuleCase(
            name: "no description",
            breaks: { _, body in body["description"] = nil },
            code: 12052015,
            message: "The product description is required"
        ),
        RuleCase(name: "no main image", breaks: { _, body in body["main_images"] = [] }, code: 12052028, message: "Main product image is required"),
        RuleCase(
            name: "ten main images",
            breaks: { _, body in body["main_images"] = (0..<10).map { ["uri": "tos-image-\($0)"] } },
            code: 12052306,
            message: "main product images count exceed limit"
        ),
        RuleCase(
            name: "a price in another currency",
            breaks: { _, body in
                body["skus"] = [
                    ["seller_sku": "X", "price": ["amount": "1.00", "currency": "THB"], "inventory": [["warehouse_id": "1", "quantity": 1]]]
                ]
            },
            code: 12052084,
            message: "The provided currency is not available for this shop/region"
        ),
        RuleCase(
            name: "an inventory quantity out of range",
            breaks: { fixture, body in
                body["skus"] = [
                    [
                        "seller_sku": "X", "price": ["amount": "1.00", "currency": fixture.market.currency],
                        "inventory": [["warehouse_id": "1", "quantity": 100_000]],
                    ]
                ]
            },
            code: 12052055,
            message: "The SKU inventory quantity for the warehouse must be within allowed limits."
        ),
        RuleCase(
            name: "a missing required attribute",
            breaks: { _, body in body["product_attributes"] = [] },
            code: 12052104,
            message: "property is required"
        ),
        RuleCase(
            name: "a conditional attribute left out",
            leaf: kitchenLeaf,
            breaks: { _, body in
                // Material (101010) cast iron (1000507) makes "Induction Compatible" required.
                body["product_attributes"] = [["id": "101010", "values": [["id": "1000507"]]]]
            },
            code: 12052182,
            message: "The `Induction Compatible` field is required as you've selected `Cast iron` for `Material`."
        ),
        RuleCase(
            name: "no size chart where the rules require one",
            breaks: { _, body in body["size_chart"] = nil },
            code: 12052673,
            message: "Product sizechart image is required"
        ),
        RuleCase(
            name: "a size chart template that does not exist",
            breaks: { _, body in body["size_chart"] = ["template": ["id": "7200000000000000001"]] },
            code: 12052128,
            message: "Size chart not found"
        ),
        RuleCase(
            name: "no manufacturer in DE",
            scenario: deShop,
            breaks: { _, body in body["manufacturer_ids"] = nil },
            code: 12052282,
            message: "Product manufacturer is required."
        ),
        RuleCase(
            name: "a manufacturer the seller did not register",
            scenario: deShop,
            breaks: { _, body in body["manufacturer_ids"] = ["7410000000000000999"] },
            code: 12052284,
            message: "Manufacturer ID 7410000000000000999 is not found"
        ),
        RuleCase(
            name: "no responsible person in DE",
            scenario: deShop,
            breaks: { _, body in body["responsible_person_ids"] = nil },
            code: 12052287,
            message: "Product responsible person is required"
        ),
        RuleCase(
            name: "a responsible person the seller did not register",
            scenario: deShop,
            breaks: { _, body in body["responsible_person_ids"] = ["7411000000000000999"] },
            code: 12052289,
            message: "Responsible person ID 7411000000000000999 is not found"
        ),
        RuleCase(
            name: "an unauthorised tier-1 brand",
            breaks: { fixture, body in body["brand_id"] = fixture.market.brands.first { !$0.isAuthorized && $0.isT1Brand }!.id },
            code: 12052201,
            message: "You are not authorized to sell this brand in this category. To do so, apply through the Qualification Center in Seller Center."
        ),
        RuleCase(
            name: "a cross-border seller creating a local product",
            scenario: "shops:\n  - {id: \"7494000000000000003\", region: GB, seller_type: CROSS_BORDER, cipher: ROW_cb_shop}\n",
            breaks: { _, _ in },
            code: 12052701,
            message: "do not support cross-boarder seller create local product directly"
        ),
        RuleCase(
            name: "a SKU without a price",
            breaks: { _, body in firstSKU(&body) { $0["price"] = nil } },
            code: 98001004,
            message: invalid("skus[0].price.amount", "a new SKU has no price", "a price with its currency and amount")
        ),
        RuleCase(
            name: "a price that is not a number",
            breaks: { fixture, body in firstSKU(&body) { $0["price"] = ["amount": "abc", "currency": fixture.market.currency] } },
            code: 98001004,
            message: invalid("skus[0].price.amount", "'abc' is not a price", "a positive decimal such as 12.50")
        ),
        RuleCase(
            name: "a negative price",
            breaks: { fixture, body in firstSKU(&body) { $0["price"] = ["amount": "-1", "currency": fixture.market.currency] } },
            code: 98001004,
            message: invalid("skus[0].price.amount", "'-1' is not a price", "a positive decimal such as 12.50")
        ),
        RuleCase(
            name: "a SKU without stock",
            breaks: { _, body in firstSKU(&body) { $0["inventory"] = nil } },
            code: 98001004,
            message: invalid("skus[0].inventory", "a new SKU has no stock", "a warehouse_id and a quantity")
        ),
        RuleCase(
            name: "a seller SKU of 5 characters in DE",
            scenario: deShop,
            breaks: { _, body in firstSKU(&body) { $0["seller_sku"] = "AB123" } },
            code: 98001004,
            message: invalid("skus[0].seller_sku", "'AB123' does not fit this market", "6 to 50 letters, digits, _ or -")
        ),
        RuleCase(
            name: "a seller SKU with a space",
            breaks: { _, body in firstSKU(&body) { $0["seller_sku"] = "MUG 001" } },
            code: 98001004,
            message: invalid("skus[0].seller_sku", "'MUG 001' does not fit", "1 to 50 characters without spaces")
        ),
        RuleCase(
            name: "two SKUs without sales attributes",
            breaks: { fixture, body in body["skus"] = twoSKUs(fixture, [nil, nil]) },
            code: 98001004,
            message: invalid("skus[0].sales_attributes", "a product of 2 SKUs tells them apart by sales attributes", "sales attributes")
        ),
        RuleCase(
            name: "two SKUs with the same colour",
            breaks: { fixture, body in
                body["skus"] = twoSKUs(fixture, [["id": "100392", "value_id": "1000056"], ["id": "100392", "value_id": "1000056"]])
            },
            code: 98001004,
            message: invalid("skus[1].sales_attributes", "it has the values of skus[0]", "values no other SKU has")
        ),
        RuleCase(
            name: "four sales attributes",
            breaks: { _, body in
                firstSKU(&body) { sku in sku["sales_attributes"] = (1...4).map { ["name": "Kind \($0)", "value_name": "A"] } }
            },
            code: 98001004,
            message: invalid("skus[0].sales_attributes", "it has 4 attributes", "at most 3")
        ),
        RuleCase(
            name: "an attribute value the attribute does not have",
            leaf: kitchenLeaf,
            breaks: { _, body in body["product_attributes"] = [["id": "101010", "values": [["id": "424242"]]]] },
            code: 98001004,
            message: invalid("product_attributes[0]", "424242 is not a value of Material", "a value id of Get Attributes")
        ),
        RuleCase(
            name: "two values of a single-selection attribute",
            leaf: kitchenLeaf,
            breaks: { _, body in body["product_attributes"] = [["id": "101010", "values": [["id": "1000501"], ["id": "1000502"]]]] },
            code: 98001004,
            message: invalid("product_attributes[0]", "Material takes one value, not 2", "one value")
        ),
        RuleCase(
            name: "a 3-level attribute carried onto a 7-level leaf",
            leaf: kitchenLeaf,
            breaks: { _, body in
                body["product_attributes"] = [["id": "101010", "values": [["id": "1000501"]]], ["id": "100201", "values": [["id": "1000707"]]]]
            },
            code: 98001004,
            message: "Parameter product_attributes[1] is invalid. Reason: 100201 is not an attribute of category ",
            exact: false
        ),
        RuleCase(
            name: "a sales attribute among the product attributes",
            leaf: kitchenLeaf,
            breaks: { _, body in
                body["product_attributes"] = [["id": "101010", "values": [["id": "1000501"]]], ["id": "100392", "values": [["id": "1000056"]]]]
            },
            code: 98001004,
            message: invalid("product_attributes[1]", "Colour is a sales attribute", "it in skus[].sales_attributes")
        ),
        RuleCase(
            name: "a word where a number is asked",
            leaf: kitchenLeaf,
            breaks: { _, body in
                body["product_attributes"] = [["id": "101010", "values": [["id": "1000501"]]], ["id": "100198", "values": [["name": "abc"]]]]
            },
            code: 98001004,
            message: invalid("product_attributes[1]", "'abc' is not a number", "a positive integer or decimal")
        ),
        RuleCase(
            name: "a package weight in KG",
            breaks: { _, body in body["package_weight"] = ["value": "1.2", "unit": "KG"] },
            code: 98001004,
            message: invalid("package_weight.unit", "'KG' is not one of its values", "KILOGRAM, GRAM, POUND")
        ),
        RuleCase(name: "a title of spaces", breaks: { _, body in body["title"] = "   " }, code: 12052261, message: "product name is empty"),
        RuleCase(
            name: "a listing platform that is none",
            breaks: { _, body in body["listing_platforms"] = ["EBAY"] },
            code: 98001004,
            message: invalid("listing_platforms[0]", "'EBAY' is not one of its values", "TIKTOK_SHOP, TOKOPEDIA")
        ),
        RuleCase(
            name: "an idempotency key of 129 characters",
            breaks: { _, body in body["idempotency_key"] = String(repeating: "k", count: 129) },
            code: 98001004,
            message: invalid("idempotency_key", "it has 129 characters", "at most 128 characters")
        ),
    ])
    func ruleRefusesWithItsCodeAndMessage(_ rule: RuleCase) async throws {
        let scenario = try rule.scenario.map { try Scenario.parse("name: rules\n" + $0) } ?? Scenario.default
        try await withReplayServer(scenario: scenario) { server in
            let fixture = try ListingFixture(server)
            let compliance = try await fixture.registerCompliance()
            let leaf = try rule.leaf(fixture)
            let valid = fixture.validBody(for: leaf, version: .v2, title: "A product title long enough for every market", compliance: compliance)
            var broken = valid
            try rule.breaks(fixture, &broken)

            let refused = try await fixture.client.call(.POST, "/product/202309/products", json: broken).envelope
            #expect(refused.code == rule.code)
            #expect(rule.exact ? refused.message == rule.message : refused.message.hasPrefix(rule.message), "\(refused.message)")

            let checked = try await fixture.client.call(.POST, "/product/202309/products/listing_check", json: broken).data
            #expect(checked["check_result"]?.string == "FAILED")
            #expect(checked["fail_reasons"]?[0]?["code"]?.number == Double(rule.code))
            #expect(checked["fail_reasons"]?[0]?["message"]?.string == refused.message)

            guard rule.code != 12052701 else { return }  // nothing satisfies it but another seller type
            let passed = try await fixture.client.call(.POST, "/product/202309/products/listing_check", json: valid).data
            #expect(passed["check_result"]?.string == "PASS", "\(passed)")
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: valid)
            #expect(created.code == 0, "\(String(decoding: created.body, as: UTF8.self))")
        }
    }

    @Test func checkProductListingListsWhatCreateWouldRefuseAndCreatesNothing() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            var body = fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            body["title"] = ""
            body["main_images"] = []
            body["size_chart"] = nil
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: body).envelope
            let checked = try await fixture.client.call(.POST, "/product/202309/products/listing_check", json: body).data
            let reasons = checked["fail_reasons"]?.array ?? []
            #expect(reasons.compactMap { $0["code"]?.number }.map(Int.init) == [12052261, 12052028, 12052673])
            #expect(reasons.first?["code"]?.number == Double(created.code))
            #expect(reasons.first?["message"]?.string == created.message)
            let search = try await fixture.client.call(
                .POST,
                "/product/202502/products/search",
                query: ["page_size": "100"],
                json: ["category_version": "v2"]
            )
            #expect(try search.data["total_count"]?.number == 0)
        }
    }

    @Test func anUnauthorisedBrandThatIsNotTierOneIsAcceptedWithAWarning() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            var body = fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            let brand = try #require(fixture.market.brands.first { !$0.isAuthorized && !$0.isT1Brand && $0.brandStatus == "AVAILABLE" })
            body["brand_id"] = brand.id
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: body).data
            #expect(created["warnings"]?[0]?["message"]?.string?.contains(brand.name) == true)
        }
    }

    @Test func editOfAnUnknownProductAnswers12052260() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let answer = try await fixture.client.call(
                .PUT,
                "/product/202309/products/1731000000000000999",
                json: fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            ).envelope
            #expect(answer.code == 12052260)
            #expect(answer.message == "The product ID does not exist")
        }
    }
}

/// The shipped scenario eu-compliance-de: moving the battery-powered speaker to its v2 leaf
/// needs the compliance ids and the conditional attribute its plug type requires.
@Suite("Scenario eu-compliance-de")
struct EUComplianceScenarioTests {
    @Test func theSpeakerMovesOnlyWithComplianceIdsAndTheConditionalAttribute() async throws {
        try await withReplayServer(scenario: try Scenario.builtIn(named: "eu-compliance-de")) { server in
            let fixture = try ListingFixture(server)
            let speaker = "1729711820350528801"
            let product = try await fixture.client.call(.GET, "/product/202309/products/\(speaker)").data
            #expect(product["product_attributes"]?[0]?["values"]?[0]?["name"]?.string == "Batteriebetrieben")
            let leaf = try #require(fixture.market.v2.leaves.first { $0.id == fixture.market.upgradeMap["601717"] })
            let details = try #require(fixture.market.leaves[leaf.id])
            #expect(details.requiresManufacturer && details.requiresResponsiblePerson)
            #expect(details.conditionalAttributes.contains { $0.id == "100107" })

            var body = fixture.validBody(for: leaf, version: .v2, title: "Tragbarer Bluetooth Lautsprecher mit Akku")
            let plug: [String: Any] = ["id": "100201", "values": [["id": "1000707"]]]
            body["product_attributes"] = (body["product_attributes"] as? [[String: Any]] ?? []) + [plug]
            let path = "/product/202309/products/\(speaker)"
            let conditional = try await fixture.client.call(.PUT, path, json: body).envelope
            #expect(conditional.code == 12052182)
            #expect(conditional.message == "The `Batterie enthalten` field is required as you've selected `Batteriebetrieben` for `Steckertyp`.")

            body["product_attributes"] = (body["product_attributes"] as? [[String: Any]] ?? []) + [["id": "100107", "values": [["id": "1000801"]]]]
            #expect(try await fixture.client.call(.PUT, path, json: body).code == 12052282)
            let compliance = try await fixture.registerCompliance()
            body["manufacturer_ids"] = [compliance.manufacturer]
            #expect(try await fixture.client.call(.PUT, path, json: body).code == 12052287)
            body["responsible_person_ids"] = [compliance.responsiblePerson]
            #expect(try await fixture.client.call(.PUT, path, json: body).code == 0)
        }
    }
}

/// Local replication: a category change must be synced to the replicas.
@Suite("Listing rules: replicated products")
struct ReplicatedProductTests {
    @Test func aCategoryChangeOfAReplicatedProductMustListItsReplicas() async throws {
        let scenario = try Scenario.parse(
            """
            name: replicated
            shops:
              - {id: "7494000000000000006", region: US, cipher: ROW_us_replicated}
            products:
              - {id: "1729000000000000001", title: Crew neck sweater, category_id: "712003", category_version: v2, replicated_to: [MX]}
            """
        )
        try await withReplayServer(scenario: scenario) { server in
            let fixture = try ListingFixture(server)
            let path = "/product/202309/products/1729000000000000001"
            #expect(try await fixture.client.call(.GET, path).data["is_replicated"]?.bool == true)
            let other = try fixture.leaf(.v2) { $0.permissionStatuses == [.available] && $0.id != "712003" }
            var body = fixture.validBody(for: other, version: .v2)
            let refused = try await fixture.client.call(.PUT, path, json: body).envelope
            #expect(refused.code == 12052910)
            #expect(refused.message == "Invalid input parameters. Refer to the API documentation for details.")
            let sameLeaf = fixture.validBody(for: try fixture.leaf(.v2) { $0.id == "712003" }, version: .v2)
            #expect(try await fixture.client.call(.PUT, path, json: sameLeaf).code == 0, "no category change, nothing to sync")
            body["replicated_products"] = [
                ["region": "MX", "skus": [["seller_sku": "TEST-SKU-1", "price": ["currency": "MXN", "sale_price": "250"]]]]
            ]
            #expect(try await fixture.client.call(.PUT, path, json: body).code == 0)
        }
    }
}
