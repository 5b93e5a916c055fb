import AsyncHTTPClient
import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Stubs")
struct StubTests {
    static let rateLimited = """
        name: stubbed
        stubs:
          - name: second search is rate limited
            match: {operation: search_products, calls: [2]}
            respond:
              status: 429
              code: 36009002
              message: Too many requests. You've made too many requests in a short period of time.
              headers: {Retry-After: "30"}
          - name: one product is broken
            match: {method: get, path: /product/202309/products/1729587213455066935}
            respond: {code: 36009003, message: Internal error. Please try again.}
          - name: drafts only
            match: {operation: search_products, body: {status: DRAFT}, query: {page_size: "7"}}
            respond: {data: {products: [], total_count: 0, next_page_token: ""}}
        products:
          - {id: "1729587213455066935", title: Mugs, category_id: "600942"}
        """

    @Test func theNthMatchingCallGetsA429WithRetryAfter() async throws {
        try await withReplayServer(scenario: Scenario.parse(Self.rateLimited)) { server in
            let client = SignedClient(server: server)
            var answers: [Answer] = []
            for _ in 0..<3 { answers.append(try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "5"], json: [:])) }
            #expect(answers.map(\.status) == [200, 429, 200])
            #expect(answers.map(\.code) == [0, 36009002, 0])
            #expect(answers[0].headers["retry-after"] == nil)
            #expect(answers[1].headers["retry-after"] == "30")
            let entries = try await server.journal.entries(operation: "search_products")
            #expect(entries.map(\.answeredBy) == [.simulator, .stub, .simulator])
            #expect(entries[1].responseHeaders["retry-after"] == "30")
            let overHTTP = try await AdminClient(server: server).call(.GET, "/journal?operation=search_products")
            #expect(overHTTP.json["entries"]?[1]?["answered_by"]?.string == "stub")
            #expect(overHTTP.json["entries"]?[1]?["response_headers"]?["retry-after"]?.string == "30")
        }
    }

    @Test func matchesOnPathQueryAndBodyFields() async throws {
        try await withReplayServer(scenario: Scenario.parse(Self.rateLimited)) { server in
            let client = SignedClient(server: server)
            let broken = try await client.call(.GET, "/product/202309/products/1729587213455066935")
            #expect(broken.code == 36009003)
            #expect(try broken.envelope.message == "Internal error. Please try again.")
            #expect(try broken.envelope.data == nil)
            _ = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "5"], json: [:])
            _ = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "5"], json: [:])
            let drafts = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "7"], json: ["status": "DRAFT"])
            #expect(try drafts.data["total_count"] == .number(0))
            #expect(try await server.journal.entries().last?.answeredBy == .stub)
            let other = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "8"], json: ["status": "DRAFT"])
            #expect(try await server.journal.entries().last?.answeredBy == .simulator, "\(other.code)")
        }
    }

    @Test func aStubCanHangUpAndTheServerKeepsServing() async throws {
        let scenario = try Scenario.parse("stubs:\n  - {match: {operation: get_categories}, respond: {fault: reset}}\n")
        try await withReplayServer(scenario: scenario) { server in
            let client = SignedClient(server: server)
            await #expect(throws: (any Error).self) { _ = try await client.call(.GET, "/product/202309/categories") }
            let after = try await client.listShops()
            #expect(after.status == 200)
        }
    }

    @Test func aStubCanAnswerLate() async throws {
        let scenario = try Scenario.parse("stubs:\n  - {match: {operation: get_brands}, respond: {delay: 100ms, data: {brands: []}}}\n")
        try await withReplayServer(scenario: scenario) { server in
            let answer = try await SignedClient(server: server).call(.GET, "/product/202309/brands")
            #expect(try answer.data["brands"] == .array([]))
        }
    }

    @Test func theGatewayStillComesFirst() async throws {
        let scenario = try Scenario.parse("stubs:\n  - {respond: {data: {stubbed: true}}}\n")
        try await withReplayServer(scenario: scenario) { server in
            var options = SignedClient.Options()
            options.sign = "bad"
            let unsigned = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            let signed = try await SignedClient(server: server).listShops()
            #expect(unsigned.code == 106001)
            #expect(try signed.data["stubbed"] == .bool(true))
        }
    }

    @Test(arguments: [
        ("stubs:\n  - {respond: {status: 999}}\n", "HTTP status"),
        ("stubs:\n  - {respond: {fault: explode}}\n", "'explode' is not one of"),
        ("stubs:\n  - {match: {calls: [0]}, respond: {}}\n", "calls count from 1"),
        ("stubs:\n  - {match: {pth: /x}, respond: {}}\n", "did you mean 'path'?"),
        ("stubs:\n  - {match: {}}\n", "missing required key 'respond'"),
        ("stubs:\n  - {match: {operation: serch_products}, respond: {}}\n", "did you mean 'search_products'?"),
    ])
    func brokenStubsAreLocated(_ yaml: String, _ message: String) {
        do {
            _ = try Scenario.parse(yaml, file: "stubs.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.diagnostics.first?.message.contains(message) == true, "\(error)")
            #expect(error.diagnostics.first?.line == 2)
        }
    }
}
