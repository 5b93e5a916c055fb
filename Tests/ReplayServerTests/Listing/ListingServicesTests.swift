import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// The operations a listing client calls beside Create: EU compliance records, size charts and
/// listing prerequisites, with the SDK's field names.
@Suite("Compliance, size charts and prerequisites")
struct ListingServicesTests {
    @Test func manufacturersAndResponsiblePersonsAreCreatedSearchedAndEdited() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let ids = try await fixture.registerCompliance()
            #expect(ids.manufacturer.count == 19)
            let found = try await fixture.client.call(
                .POST,
                "/product/202501/compliance/manufacturers/search",
                query: ["page_size": "10"],
                json: ["keyword": "werkstatt", "locales": ["de-DE", "fr-FR"]],
                shopScoped: false
            ).data
            #expect(found["total_count"]?.number == 1)
            #expect(found["manufacturers"]?[0]?["id"]?.string == ids.manufacturer)
            let profiles = found["manufacturers"]?[0]?["regional_profiles"]?.array ?? []
            #expect(profiles.compactMap { $0["locale"]?.string } == ["de-DE", "fr-FR"])
            #expect(profiles.first?["phone_number"]?["country_code"]?.string == "+49")

            let edited = try await fixture.client.call(
                .POST,
                "/product/202409/compliance/responsible_persons/\(ids.responsiblePerson)/partial_edit",
                json: ["email": "new@eu-rep.example"],
                shopScoped: false
            )
            #expect(edited.code == 0)
            let persons = try await fixture.client.call(
                .POST,
                "/product/202501/compliance/responsible_persons/search",
                query: ["page_size": "10"],
                json: ["responsible_person_ids": [ids.responsiblePerson]],
                shopScoped: false
            ).data
            let person = persons["responsible_persons"]?[0]?["regional_profiles"]?[0]
            #expect(person?["email"]?.string == "new@eu-rep.example")
            #expect(person?["address"]?["postal_code"]?.string == "10117")

            let unknown = try await fixture.client.call(
                .POST,
                "/product/202409/compliance/manufacturers/7410000000000000999/partial_edit",
                json: ["email": "x@example.com"],
                shopScoped: false
            ).envelope
            #expect(unknown.code == 12052284)
            #expect(unknown.message == "Manufacturer ID 7410000000000000999 is not found")
            let incomplete = try await fixture.client.call(
                .POST,
                "/product/202409/compliance/manufacturers",
                json: ["name": "No Contact Ltd"],
                shopScoped: false
            ).envelope
            #expect(incomplete.code == 98001004)
            #expect(incomplete.message.hasPrefix("Parameter email is invalid."))
        }
    }

    @Test func sizeChartTemplatesCanBeFoundAndNamedOnCreate() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let fixture = try ListingFixture(server)
            let leaf = try fixture.leaf(.v2)
            let found = try await fixture.client.call(
                .POST,
                "/product/202407/sizecharts/search",
                query: ["page_size": "20"],
                json: [:],
                shopScoped: false
            ).data
            let templates = found["size_chart"]?.array ?? []
            let template = try #require(templates.first { ($0["related_category_ids"]?.array ?? []).contains(.string(leaf.id)) })
            let templateID = try #require(template["template_id"]?.string)
            #expect(template["images"]?[0]?["url"]?.string?.hasPrefix("https://") == true)
            var body = fixture.validBody(for: leaf, version: .v2)
            body["size_chart"] = ["template": ["id": templateID]]
            let created = try await fixture.client.call(.POST, "/product/202309/products", json: body)
            #expect(created.code == 0)
            let productID = try #require(try created.data["product_id"]?.string)
            let product = try await fixture.client.call(.GET, "/product/202309/products/\(productID)").data
            #expect(product["size_chart"]?["template"]?["id"]?.string == templateID)
        }
    }

    @Test(arguments: ["/product/202312/prerequisites", "/product/202309/prerequisites"])
    func prerequisitesFailWhereTheScenarioSays(_ path: String) async throws {
        let scenario = try Scenario.parse(
            """
            name: not-ready
            shops:
              - id: "7494000000000000004"
                cipher: ROW_not_ready
                failing_prerequisites:
                  - check_item: SHOP_TAX
                    reasons: [Tax information is missing.]
                  - check_item: RETURN_WAREHOUSE
            """
        )
        try await withReplayServer(scenario: scenario) { server in
            let results = try await SignedClient(server: server).call(.GET, path).data["check_results"]?.array ?? []
            #expect(results.count == 10)
            let failed = results.filter { $0["is_failed"]?.bool == true }
            #expect(failed.compactMap { $0["check_item"]?.string } == ["SHOP_TAX", "RETURN_WAREHOUSE"])
            #expect(failed.first?["fail_reasons"]?[0]?.string == "Tax information is missing.")
            #expect(failed.last?["fail_reasons"]?.array?.isEmpty == false)
        }
        try await withReplayServer(scenario: Scenario.default) { server in
            let results = try await SignedClient(server: server).call(.GET, path).data["check_results"]?.array ?? []
            #expect(results.allSatisfy { $0["is_failed"]?.bool == false })
        }
    }
}
