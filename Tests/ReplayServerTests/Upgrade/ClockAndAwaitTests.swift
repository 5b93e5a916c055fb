import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Clock and waiting")
struct ClockAndAwaitTests {
    typealias F = UpgradeFixture

    @Test func theClockStandsStillUntilMovedAndEveryMoveIsJournaled() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let start = server.scenario.clockStart
            #expect(server.clock.now == start)
            await server.clock.advance(by: .seconds(90))
            let admin = AdminClient(server: server)
            let byText = try await admin.call(.POST, "/clock/advance", json: #"{"by": "24h"}"#)
            #expect(byText.status == 200)
            #expect(byText.json["scenario_time"] == .number(start.timeIntervalSince1970 + 90 + 86400))
            let bySeconds = try await admin.call(.POST, "/clock/advance", json: #"{"seconds": 10}"#)
            #expect(bySeconds.json["now"]?.string == ScenarioInstant.format(start.addingTimeInterval(86500)))
            let to = try await admin.call(.POST, "/clock/advance", json: #"{"to": "2026-11-05T09:00:00Z"}"#)
            #expect(to.json["now"]?.string == "2026-11-05T09:00:00Z")
            let clock = try await admin.call(.GET, "/clock")
            #expect(clock.json["mode"]?.string == "manual")
            #expect(clock.json["start"]?.string == "2026-11-02T09:00:00Z")

            let moves = try await server.journal.clockMoves()
            #expect(moves.map(\.reason) == ["swift", "admin", "admin", "admin"])
            #expect(moves.map { $0.toTime - $0.fromTime } == [90, 86400, 10, 259_200 - 86500])

            let shops = try await SignedClient(server: server).listShops()
            #expect(try shops.envelope.requestID.hasPrefix("20261105090000"), "request ids carry the scenario time")
        }
    }

    @Test(arguments: [
        #"{}"#, #"{"by": "soon"}"#, #"{"seconds": -5}"#, #"{"to": "yesterday"}"#, "not json",
        // Past the year 9999: these crashed the server (a Double too large for Int64).
        #"{"seconds": 1e19}"#, #"{"seconds": 1e300}"#, #"{"to": "9999-12-31T23:59:59Z", "seconds": 1e12}"#,
        #"{"seconds": "10"}"#, #"{"by": 10}"#,
    ])
    func badAdvancesAreRefused(_ body: String) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await AdminClient(server: server).call(.POST, "/clock/advance", json: body)
            #expect(answer.status == 400)
            #expect(answer.json["error"]?.string?.isEmpty == false)
            #expect(server.clock.now == server.scenario.clockStart)
        }
    }

    @Test func theClockStopsAtTheLastInstantItCanWrite() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            await server.clock.advance(by: .seconds(Int64.max))
            #expect(server.clock.now == VirtualClock.latest)
            let admin = try await AdminClient(server: server).call(.POST, "/clock/advance", json: #"{"to": "9999-12-31T23:59:59Z"}"#)
            #expect(admin.status == 200)
            let moves = try await server.journal.reader.clockMoves()
            #expect(moves.last?.toTime == Int64(VirtualClock.latest.timeIntervalSince1970))
        }
    }

    @Test(arguments: [
        #"{"journal": {"after": 1e19}}"#, #"{"journal": {"after": -1}}"#, #"{"journal": {"response_code": 1e19}}"#,
        #"{"journal": {"response_code": -1e19}}"#, #"{"journal": {"response_code": 1.5}}"#, #"{"journal": {"response_code": "106001"}}"#,
        #"{"journal": {"operation": 123}}"#, #"{"journal": {"method": ["GET"]}}"#, #"{"journal": {"after": "abc"}}"#,
        #"{"timeout_seconds": "abc"}"#, #"{"timeout_seconds": 601}"#,
    ])
    func badAwaitsAreRefusedAndNamed(_ body: String) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).listShops()
            let answer = try await AdminClient(server: server).call(.POST, "/await", json: body)
            #expect(answer.status == 400)
            let field = ["after", "response_code", "operation", "method", "timeout_seconds"].first { body.contains("\"\($0)\"") }
            #expect(answer.json["error"]?.string?.contains(try #require(field)) == true, "\(answer.json)")
            #expect(try await SignedClient(server: server).listShops().status == 200, "the server still answers")
        }
    }

    @Test func aJournalQueryThatIsNotPercentEncodedUTF8IsRefused() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).listShops()
            let answer = try await AdminClient(server: server).call(.GET, "/journal?operation=%ff")
            #expect(answer.status == 400)
            #expect(answer.json["error"]?.string?.contains("percent-encoded") == true)
        }
    }

    @Test func aTokenExpiresOnTheScenarioClock() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            #expect(try await client.listShops().status == 200)
            await server.clock.advance(by: .seconds(7 * 86400))
            let answer = try await client.listShops()
            #expect(answer.code == 105002)
        }
    }

    @Test func awaitIdleWaitsForADeliveryTriggeredByARequest() async throws {
        // The edit's audit ends within the call, so the edit itself releases the webhook.
        try await F.run(script: [.slow(.milliseconds(150))], scenario: F.scenario { $0.audit.duration = HumanDuration(seconds: 0) }) { f in
            let fixture = try ListingFixture(f.server)
            _ = try await f.client.call(
                .PUT,
                "/product/202309/products/\(F.board)",
                json: fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            )
            let admin = AdminClient(server: f.server)
            let idle = try await admin.call(.POST, "/await", json: #"{"timeout_seconds": 10}"#)
            #expect(idle.status == 200)
            #expect(idle.json["idle"]?.bool == true)
            #expect(f.receiver.received.count == 1)
            let deliveries = try await f.server.journal.webhookDeliveries()
            #expect(
                deliveries.first?.outcome == .acknowledged,
                "\(deliveries.map { "\($0.outcome) \($0.error ?? "") \($0.latencyMicroseconds ?? -1)" })"
            )
        }
    }

    @Test func aScaledClockRunsByItselfAndAwaitWaitsForEveryDelivery() async throws {
        // Ten virtual hours per real second. The 6-hour-old product is left out: on a loaded
        // machine the trigger may come 18 virtual hours after the start, when it is old enough.
        let scenario = try F.scenario {
            $0.clockRate = 36000
            $0.products.removeAll { $0.id == F.bodysuit }
        }
        try await F.run(scenario: scenario) { f in
            try await f.triggerUpgrade()
            #expect(await f.server.webhooks.awaitIdle(timeout: .seconds(10)))
            #expect(Set(f.receiver.received.map(\.notificationID)).count == 3)
            let acknowledged = try await f.server.journal.webhookDeliveries().filter { $0.outcome == .acknowledged }
            #expect(Set(acknowledged.map(\.notificationID)).count == 3)
            #expect(f.server.clock.now.timeIntervalSince(f.server.scenario.clockStart) >= 7200)
        }
    }

    @Test func awaitTimesOutWith408AndSaysWhatIsPending() async throws {
        try await F.run(
            scenario: F.scenario {
                $0.clockRate = 1
                $0.webhooks.delay = HumanDuration(seconds: 3600)
                $0.audit.duration = HumanDuration(seconds: 0)
            }
        ) { f in
            let fixture = try ListingFixture(f.server)
            _ = try await f.client.call(
                .PUT,
                "/product/202309/products/\(F.board)",
                json: fixture.validBody(for: try fixture.leaf(.v2), version: .v2)
            )
            let answer = try await AdminClient(server: f.server).call(.POST, "/await", json: #"{"timeout_seconds": 0.2}"#)
            #expect(answer.status == 408)
            #expect(answer.json["pending"]?[0]?["product_id"]?.string == F.board)
            #expect(answer.json["pending"]?[0]?["attempt"] == .number(1))
            #expect(answer.json["pending"]?[0]?["in_flight"] == .bool(false))
            #expect(answer.json["pending"]?[0]?["kind"]?.string == "original")
            let due = try #require(answer.json["pending"]?[0]?["due"]?.string.flatMap(ScenarioInstant.parse))
            #expect(due.timeIntervalSince(f.server.scenario.clockStart) >= 3600, "due an hour after the edit, as ISO 8601")
        }
    }

    @Test func awaitWithAJournalPatternReturnsTheFirstMatchingEntry() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let admin = AdminClient(server: server)
            async let waited = admin.call(.POST, "/await", json: #"{"timeout_seconds": 10, "journal": {"operation": "search_products"}}"#)
            _ = try await SignedClient(server: server).listShops()
            _ = try await SignedClient(server: server).call(.POST, "/product/202502/products/search", query: ["page_size": "5"], json: [:])
            let answer = try await waited
            #expect(answer.status == 200)
            #expect(answer.json["entry"]?["operation"]?.string == "search_products")

            let already = try await admin.call(.POST, "/await", json: #"{"timeout_seconds": 1, "journal": {"operation": "get_authorized_shops"}}"#)
            #expect(already.json["entry"]?["id"] == .number(1), "an entry already written counts")
            let none = try await admin.call(.POST, "/await", json: #"{"timeout_seconds": 0.1, "journal": {"operation": "get_product"}}"#)
            #expect(none.status == 408)
            let bad = try await admin.call(.POST, "/await", json: #"{"journal": {"operaton": "get_product"}}"#)
            #expect(bad.status == 400)
        }
    }

    @Test func resetDropsWhatIsScheduledAndRestoresTheShop() async throws {
        try await F.run { f in
            try await f.triggerUpgrade()
            await f.advance("1h")
            #expect(try await f.search("v2").count == 1)
            #expect(try await AdminClient(server: f.server).call(.POST, "/reset").status == 200)
            #expect(f.server.clock.now == f.server.scenario.clockStart)
            #expect(try await f.search("v2") == [])
            await f.advance("2h")
            #expect(try await f.search("v2") == [], "the task was forgotten with the reset")
            #expect(f.receiver.received.count == 1)
        }
    }
}
