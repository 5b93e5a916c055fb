import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// Every real operation of the product API is routed to itself; one the simulator does not
/// answer gets 501 naming it, while a path that does not exist keeps the path errors.
@Suite("The operation table at the gateway")
struct OperationTableTests {
    @Test func everyOperationOfTheTableIsRoutedToItself() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            for operation in APIOperation.all {
                let path = operation.pathTemplate.replacing(/\{[a-z_]+\}/, with: "7000000000000000001")
                _ = try await client.send(.init(rawValue: operation.method), path, body: "{}", shopScoped: operation.isShopScoped)
            }
            let entries = try await server.journal.entries()
            #expect(entries.map(\.operation) == APIOperation.all.map(\.id))
            let pathErrors = entries.filter { [36009009, 36009010, 36009014].contains($0.responseCode) }
            #expect(pathErrors.isEmpty, "\(pathErrors.map(\.path))")
        }
    }

    @Test func aRealOperationThatIsNotSimulatedGets501NamingItAndHowToAnswerIt() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let answer = try await client.send(
                .POST,
                "/product/202609/products/7000000000000000001/strikethrough_price/submit",
                body: "{}",
                shopScoped: true
            )
            #expect(answer.status == 501)
            let envelope = try answer.envelope
            #expect(envelope.code == 36009003)
            #expect(envelope.message.contains("submit_strikethrough_price is a real operation that the simulator does not answer"))
            #expect(envelope.message.contains("match: {operation: submit_strikethrough_price}"))
            #expect(envelope.data?["operation"]?["id"]?.string == "submit_strikethrough_price")
            #expect(envelope.data?["operation"]?["simulated"] == .bool(false))
        }
    }

    /// Every call the reference (section 3) lists beside the eight listing APIs is a real
    /// operation: Get Listing Schemas got a path error.
    @Test func theListingSchemasAreARealOperation() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            var options = SignedClient.Options()
            options.extraQuery = ["category_ids": "601707", "category_version": "v2"]
            let answer = try await SignedClient(server: server).send(.GET, "/product/202407/listing_schemas", options: options)
            #expect(answer.status == 501)
            #expect(try answer.envelope.code == 36009003)
            #expect(try answer.envelope.message.contains("get_listing_schemas is a real operation"))
        }
    }

    @Test func pathsThatDoNotExistKeepThePathErrors() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let unknown = try await client.send(.POST, "/product/202309/products/7000000000000000001/nothing_here", body: "{}", shopScoped: true)
            #expect(try unknown.envelope.code == 36009009)
            let wrongMethod = try await client.send(.PATCH, "/product/202309/products/activate", body: "{}", shopScoped: true)
            #expect(try wrongMethod.envelope.code == 36009010)
            #expect(wrongMethod.status == 405)
            // `activate` also fits `{product_id}`, whose operations take PUT and GET.
            #expect(wrongMethod.headers["allow"] == "POST, PUT, GET", "a 405 names the methods the path accepts (RFC 9110, 15.5.6)")
            let categories = try await client.send(.DELETE, "/product/202309/categories", shopScoped: true)
            #expect(categories.status == 405 && categories.headers["allow"] == "GET")
            let wrongVersion = try await client.send(.POST, "/product/202201/products/search", body: "{}", shopScoped: true)
            #expect(try wrongVersion.envelope.code == 36009014)
        }
    }

    /// A literal path is routed by one lookup; the path with a doubled slash, which that lookup
    /// misses, goes through the segment-by-segment route and must find the same for every
    /// operation and method.
    @Test func theLiteralLookupRoutesAsTheSegmentLookupDoes() {
        let router = OperationRouter()
        for operation in APIOperation.all {
            let path = operation.pathTemplate.replacing(/\{[a-z_]+\}/, with: "7000000000000000001")
            for method in ["GET", "POST", "PUT", "DELETE", "PATCH"] {
                let direct = String(describing: router.match(method: method, path: path))
                #expect(direct == String(describing: router.match(method: method, path: "/" + path)), "\(method) \(path)")
            }
            #expect(String(describing: router.match(method: operation.method, path: path)).contains("\"\(operation.id)\""))
        }
    }

    @Test func aLiteralPathIsNotReadAsAProductID() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).send(.POST, "/product/202309/products/activate", body: "{}", shopScoped: true)
            #expect(try await server.journal.entries().map(\.operation) == ["activate_products"])
        }
    }

    @Test func theAdminAPIListsWhichOperationsAreSimulated() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let listing = try await AdminClient(server: server).call(.GET, "/operations").json
            let operations = try #require(listing["operations"]?.array)
            #expect(operations.count == APIOperation.all.count)
            let search = operations.first { $0["id"]?.string == "search_products_202309" }
            #expect(search?["simulated"] == .bool(true))
            #expect(search?["category_version"]?.string == "query")
            #expect(operations.first { $0["id"]?.string == "create_custom_brands" }?["simulated"] == .bool(false))
        }
    }
}
