import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// Get Product answers every field Create accepted, so a client that copies a product from Get
/// Product into a full-replace Edit keeps all of it.
@Suite("Get Product → Edit round trip")
struct ProductRoundTripTests {
    static let scenario = "name: round-trip\nshops:\n  - {id: \"7494000000000000005\", region: DE, cipher: ROW_de_round_trip}\n"

    @Test func aProductCopiedFromGetProductIntoEditKeepsEveryField() async throws {
        try await withReplayServer(scenario: try Scenario.parse(Self.scenario)) { server in
            let fixture = try ListingFixture(server)
            let compliance = try await fixture.registerCompliance()
            let leaf = try ListingRuleTests.kitchenLeaf(fixture)
            let root = try #require(fixture.market.v2.path(to: leaf.id).first?.id)
            let brand = try #require(fixture.market.brands.first { $0.isAuthorized && $0.brandStatus == "AVAILABLE" && $0.covers(rootID: root) })
            var body = fixture.validBody(for: leaf, version: .v2, title: "Gusseisen-Bratpfanne 28 cm", compliance: compliance)
            body["brand_id"] = brand.id
            body["product_attributes"] = [
                ["id": "101010", "values": [["id": "1000507"]]],
                ["id": "100502", "values": [["id": "1000801"]]],
            ]
            body["certifications"] = (body["certifications"] as? [[String: Any]] ?? []).map { certification in
                var certification = certification
                certification["files"] = [["id": "v09ea0g40000cj91373c77u3mid3g1s0", "name": "fcm.pdf", "format": "PDF"]]
                certification["expiration_date"] = 1_893_456_000
                return certification
            }
            body["skus"] = [
                [
                    "seller_sku": "PAN-28", "external_sku_id": "ext-pan-28",
                    "price": ["amount": "39.90", "currency": "EUR"],
                    "inventory": [["warehouse_id": "7068517275539719942", "quantity": 25, "backorder_quantity": 5, "handling_time": 3]],
                    "sales_attributes": [
                        ["id": "100392", "name": "Farbe", "value_id": "1000056", "value_name": "Schwarz", "sku_img": ["uri": "tos-sku-black"]]
                    ],
                    "identifier_code": ["code": "4006381333931", "type": "EAN"],
                    "list_price": ["amount": "49.90", "currency": "EUR"],
                    "sku_weight": ["value": "2.1", "unit": "KILOGRAM"],
                ]
            ]
            body["package_dimensions"] = ["length": "40", "width": "30", "height": "8", "unit": "CENTIMETER"]
            body["package_weight"] = ["value": "2.4", "unit": "KILOGRAM"]
            body["is_cod_allowed"] = false
            body["external_product_id"] = "ext-pan"
            body["delivery_option_ids"] = ["1729592969712203232"]
            body["search_terms"] = ["bratpfanne", "gusseisen"]
            body["minimum_order_quantity"] = 1
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: body)
            let productID = try #require(try created.data["product_id"]?.string, "\(String(decoding: created.body, as: UTF8.self))")
            await server.clock.advance(by: .seconds(3 * 3600))  // the new product's first audit passes: ACTIVATE

            let original = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            let sku = original["skus"]?[0]
            #expect(sku?["sales_attributes"]?[0]?["sku_img"]?["thumb_urls"]?.array?.isEmpty == false)
            #expect(sku?["identifier_code"]?["code"]?.string == "4006381333931")
            #expect(sku?["external_sku_id"]?.string == "ext-pan-28")
            #expect(sku?["inventory"]?[0]?["backorder_quantity"]?.number == 5)
            #expect(original["main_images"]?[0]?["thumb_urls"]?.array?.isEmpty == false)
            #expect(original["certifications"]?[0]?["files"]?[0]?["name"]?.string == "fcm.pdf")
            #expect(original["manufacturer_ids"]?.array == [.string(compliance.manufacturer)])
            #expect(original["responsible_person_ids"]?.array == [.string(compliance.responsiblePerson)])
            #expect(original["is_cod_allowed"]?.bool == false)
            #expect(original["package_dimensions"]?["unit"]?.string == "CENTIMETER")
            #expect(original["delivery_options"]?[0]?["id"]?.string == "1729592969712203232")

            let edit = Self.editBody(from: original)
            let edited = try await fixture.client.call(.PUT, "/product/202309/products/\(productID)", json: edit)
            #expect(edited.code == 0, "\(String(decoding: edited.body, as: UTF8.self))")
            await server.clock.advance(by: .seconds(3 * 3600))  // past any review of the edit
            var after = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            var before = original
            for key in ["update_time", "audit"] {
                before = Self.removing(key, from: before)
                after = Self.removing(key, from: after)
            }
            #expect(after == before)
        }
    }

    /// What a client does with Get Product's answer to send it back whole: the ids of what
    /// Get Product names, images as uris, the sale price as the amount, the rest as read.
    static func editBody(from product: JSONValue) -> [String: Any] {
        func uris(_ images: JSONValue?) -> [[String: Any]] { (images?.array ?? []).compactMap { $0["uri"]?.string.map { ["uri": $0] } } }
        func plain(_ value: JSONValue?) -> Any? {
            guard let value else { return nil }
            return try? JSONSerialization.jsonObject(with: JSONEncoder().encode(value), options: [.fragmentsAllowed])
        }
        var body: [String: Any] = [:]
        for key in ProductDraftKeys.echoed { if let value = plain(product[key]) { body[key] = value } }
        body["title"] = product["title"]?.string
        body["description"] = product["description"]?.string
        body["category_id"] = product["category_chains"]?.array?.last?["id"]?.string
        body["category_version"] = "v2"
        body["brand_id"] = product["brand"]?["id"]?.string
        body["main_images"] = uris(product["main_images"])
        body["product_attributes"] = plain(product["product_attributes"])
        body["manufacturer_ids"] = plain(product["manufacturer_ids"])
        body["responsible_person_ids"] = plain(product["responsible_person_ids"])
        body["delivery_option_ids"] = (product["delivery_options"]?.array ?? []).compactMap { $0["id"]?.string }
        body["certifications"] = (product["certifications"]?.array ?? []).map { certification -> [String: Any] in
            var copy: [String: Any] = ["id": certification["id"]?.string ?? "", "images": uris(certification["images"])]
            copy["files"] = (certification["files"]?.array ?? []).map { file -> [String: Any] in
                ["id": file["id"]?.string ?? "", "name": file["name"]?.string ?? "", "format": file["format"]?.string ?? ""]
            }
            copy["expiration_date"] = certification["expiration_date"]?.number.map { Int($0) }
            return copy
        }
        if let chart = product["size_chart"] {
            var copy: [String: Any] = [:]
            if let uri = chart["image"]?["uri"]?.string { copy["image"] = ["uri": uri] }
            if let template = chart["template"]?["id"]?.string { copy["template"] = ["id": template] }
            body["size_chart"] = copy
        }
        body["skus"] = (product["skus"]?.array ?? []).map { sku -> [String: Any] in
            var copy: [String: Any] = [:]
            for key in ProductDraftKeys.skuEchoed { if let value = plain(sku[key]) { copy[key] = value } }
            copy["id"] = sku["id"]?.string
            copy["seller_sku"] = sku["seller_sku"]?.string
            copy["external_sku_id"] = sku["external_sku_id"]?.string
            copy["price"] = ["amount": sku["price"]?["sale_price"]?.string ?? "", "currency": sku["price"]?["currency"]?.string ?? ""]
            copy["inventory"] = plain(sku["inventory"])
            copy["sales_attributes"] = (sku["sales_attributes"]?.array ?? []).map { attribute -> [String: Any] in
                var copy: [String: Any] = [
                    "id": attribute["id"]?.string ?? "", "name": attribute["name"]?.string ?? "",
                    "value_id": attribute["value_id"]?.string ?? "", "value_name": attribute["value_name"]?.string ?? "",
                ]
                if let uri = attribute["sku_img"]?["uri"]?.string { copy["sku_img"] = ["uri": uri] }
                return copy
            }
            return copy
        }
        return body
    }

    static func removing(_ key: String, from value: JSONValue) -> JSONValue {
        guard case .object(var object) = value else { return value }
        object[key] = nil
        return .object(object)
    }
}

/// The fields a client copies as read (the SDK's Create/Edit fields that Get Product shows the same way).
enum ProductDraftKeys {
    static let echoed = [
        "package_weight", "package_dimensions", "is_cod_allowed", "external_product_id", "video", "minimum_order_quantity", "is_pre_owned",
        "shipping_insurance_requirement", "shipping_template_id", "primary_combined_product_id", "scheduled_sale", "search_terms",
        "key_product_features", "is_not_for_sale",
    ]
    static let skuEchoed = [
        "identifier_code", "extra_identifier_codes", "external_urls", "fees", "list_price", "external_list_prices", "pre_sale", "sku_dimensions",
        "sku_weight", "sku_unit_count", "combined_skus",
    ]
}
