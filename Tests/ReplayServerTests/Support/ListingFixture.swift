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
    /// certifications filled, a size chart image where required, one SKU in the market's
    /// currency, and the compliance ids given (register them with ``registerCompliance()``).
    func validBody(
        for leaf: Category,
        version: CategoryVersion?,
        title: String = "Test product",
        compliance: ComplianceIDs? = nil
    ) -> [String: Any] {
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
        if details?.requiresSizeChart == true { body["size_chart"] = ["image": ["uri": "tos-maliva-i-o3syd03w52-eu/size-chart"]] }
        if let compliance, details?.requiresManufacturer == true { body["manufacturer_ids"] = [compliance.manufacturer] }
        if let compliance, details?.requiresResponsiblePerson == true { body["responsible_person_ids"] = [compliance.responsiblePerson] }
        return body
    }

    /// A manufacturer's and a responsible person's ids, registered with the seller.
    struct ComplianceIDs {
        var manufacturer: String
        var responsiblePerson: String
    }

    /// Registers a manufacturer and a responsible person, as an EU seller does before listing.
    func registerCompliance() async throws -> ComplianceIDs {
        let manufacturer = try await client.call(
            .POST,
            "/product/202409/compliance/manufacturers",
            json: [
                "name": "Werkstatt Nord GmbH", "email": "info@werkstatt-nord.example",
                "phone_number": ["country_code": "+49", "local_number": "301234567"], "address": "Hauptstraße 1, 10115 Berlin",
            ],
            shopScoped: false
        ).data["manufacturer_id"]?.string
        let person = try await client.call(
            .POST,
            "/product/202409/compliance/responsible_persons",
            json: [
                "name": "EU Rep Services GmbH", "email": "rep@eu-rep.example",
                "phone_number": ["country_code": "+49", "local_number": "307654321"],
                "address": ["street_address_line1": "Friedrichstraße 2", "postal_code": "10117", "country": "DE", "city": "Berlin"],
            ],
            shopScoped: false
        ).data["responsible_person_id"]?.string
        guard let manufacturer, let person else { throw AnswerError(message: "the compliance records were not created") }
        return ComplianceIDs(manufacturer: manufacturer, responsiblePerson: person)
    }

    /// Creates a product and returns its id.
    func createProduct(on leaf: Category, version: CategoryVersion, title: String = "Test product") async throws -> String {
        let answer = try await client.call(.POST, "/product/202309/products", json: validBody(for: leaf, version: version, title: title))
        guard let id = try answer.data["product_id"]?.string else { throw AnswerError(message: "create returned no product_id") }
        return id
    }
}
