import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// The admin API answers its own pages and tools, not other web pages: a page open in the
/// developer's browser once reset the journal and moved the clock of a running test. And it
/// refuses what it would otherwise ignore: a field or query parameter it does not take.
@Suite("Admin API: origins and unknown fields")
struct AdminOriginTests {
    @Test func anotherSitesPageCannotResetOrMoveTheClock() async throws {
        try await withReplayServer(scenario: try .default) { server in
            _ = try await SignedClient(server: server).listShops()
            let admin = AdminClient(server: server)
            let evil = ["Origin": "https://evil.example", "Content-Type": "text/plain"]
            let reset = try await admin.call(.POST, "/reset", json: "{}", headers: evil)
            #expect(reset.status == 403, "\(reset.json)")
            #expect(reset.json["error"]?.string?.contains("its own pages only") == true)
            #expect(try await admin.call(.POST, "/clock/advance", json: #"{"by": "30d"}"#, headers: ["Origin": "null"]).status == 403)
            #expect(server.clock.now == server.scenario.clockStart)
            #expect(try await server.journal.entries().count == 1, "the journal is untouched")

            // A name rebound to 127.0.0.1 is refused, even without an Origin.
            #expect(try await admin.call(.GET, "/journal", headers: ["Host": "rebound.example:\(server.adminURL.port ?? 0)"]).status == 403)

            // The server's own page, and tools that send no Origin, are answered.
            let own = "http://127.0.0.1:\(server.adminURL.port ?? 0)"
            #expect(try await admin.call(.POST, "/clock/advance", json: #"{"by": "1h"}"#, headers: ["Origin": own]).status == 200)
            #expect(try await admin.call(.GET, "/health", headers: ["Host": "localhost:\(server.adminURL.port ?? 0)"]).status == 200)
        }
    }

    @Test(arguments: [
        ("/await", #"{"timeout_seconds": 1, "jornal": {"operation": "get_product"}}"#, "takes no field 'jornal'"),
        ("/clock/advance", #"{"by": "24h", "seconds": 1}"#, "not several"),
        ("/clock/advance", #"{"seconds": 5, "extra": 1}"#, "takes no field 'extra'"),
        ("/reset", #"{"everything": true}"#, "it takes no body"),
    ])
    func aFieldTheEndpointDoesNotTakeIsRefused(_ path: String, _ body: String, _ message: String) async throws {
        try await withReplayServer(scenario: try .default) { server in
            let answer = try await AdminClient(server: server).call(.POST, path, json: body)
            #expect(answer.status == 400)
            #expect(answer.json["error"]?.string?.contains(message) == true, "\(answer.json)")
            #expect(server.clock.now == server.scenario.clockStart, "nothing moved")
        }
    }

    @Test(arguments: ["/journal?limt=1", "/journal?foo=bar", "/journal?after=-5", "/health?verbose=1"])
    func aQueryParameterTheEndpointDoesNotTakeIsRefused(_ path: String) async throws {
        try await withReplayServer(scenario: try .default) { server in
            let answer = try await AdminClient(server: server).call(.GET, path)
            #expect(answer.status == 400, "\(answer.json)")
        }
    }
}
