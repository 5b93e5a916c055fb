import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Admin API")
struct AdminTests {
    func get(_ server: ReplayServer, _ path: String, method: HTTPMethod = .GET) async throws -> (status: Int, json: JSON) {
        try await AdminClient(server: server).call(method, path)
    }

    @Test func health() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).listShops()
            let (status, json) = try await get(server, "/health")
            #expect(status == 200)
            #expect(json["status"]?.string == "ok")
            #expect(json["scenario"]?.string == "default")
            #expect(json["requests"] == .number(1))
        }
    }

    @Test func journalFiltersByOperationAndPages() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            _ = try await client.listShops()
            _ = try await client.send(.GET, "/product/202309/categories", shopScoped: true)
            _ = try await client.listShops()
            let all = try await get(server, "/journal")
            #expect(all.json["entries"]?.array?.count == 3)
            let shops = try await get(server, "/journal?operation=get_authorized_shops")
            #expect(shops.json["entries"]?.array?.count == 2)
            #expect(shops.json["entries"]?[0]?["operation"]?.string == "get_authorized_shops")
            #expect(shops.json["entries"]?[0]?["headers"]?["x-tts-access-token"]?.string == "<redacted>")
            let secondShops = try await get(server, "/journal?operation=get_authorized_shops&after=1&limit=1")
            #expect(secondShops.json["entries"]?.array?.compactMap { $0["id"]?.number } == [3], "filter, cursor and limit together")
            let page = try await get(server, "/journal?after=1&limit=1")
            #expect(page.json["entries"]?.array?.count == 1)
            #expect(page.json["entries"]?[0]?["id"] == .number(2))
            let bad = try await get(server, "/journal?limit=many")
            #expect(bad.status == 400)
            #expect(bad.json["error"]?.string?.contains("limit") == true)
        }
    }

    @Test func resetEmptiesTheJournalAndRestartsRequestIDs() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let first = try await client.listShops().envelope.requestID
            _ = try await client.listShops()
            let reset = try await get(server, "/reset", method: .POST)
            #expect(reset.status == 200)
            #expect(try await server.journal.entries().isEmpty)
            #expect(try await client.listShops().envelope.requestID == first)
            #expect(try await server.journal.entries().map(\.id) == [1])
        }
    }

    /// A body over the admin API's limit is refused with 413 and says so: it was a 500 that
    /// named NIO's error.
    @Test func anAdminBodyOverTheLimitIs413() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let body = #"{"seconds": 1, "note": ""# + String(repeating: "x", count: 1 << 21) + #""}"#
            let answer = try await AdminClient(server: server).call(.POST, "/clock/advance", json: body)
            #expect(answer.status == 413)
            #expect(answer.json["error"]?.string?.contains("the most an admin request takes") == true, "\(answer.json)")
            #expect(server.clock.now == server.scenario.clockStart)
            #expect(try await get(server, "/health").status == 200)
        }
    }

    @Test func unknownAdminEndpointListsTheKnownOnes() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let (status, json) = try await get(server, "/nope")
            #expect(status == 404)
            #expect(json["endpoints"]?.array?.isEmpty == false)
            #expect(try await server.journal.entries().isEmpty)
        }
    }
}
