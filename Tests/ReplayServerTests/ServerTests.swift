import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Server")
struct ServerTests {
    @Test func signedShopsRoundTripOverARealSocket() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            #expect(server.baseURL.host == "127.0.0.1")
            #expect(server.baseURL.port.map { $0 > 0 } == true)
            let answer = try await SignedClient(server: server).listShops()
            #expect(answer.status == 200)
            let envelope = try answer.envelope
            #expect(envelope.code == 0)
            #expect(envelope.message == "Success")
            #expect(envelope.requestID.count == 34)
            #expect(envelope.requestID.hasPrefix("20261102090000"))
            let shop = try #require(envelope.data?["shops"]?[0])
            #expect(shop["id"]?.string == server.credentials.shopID)
            #expect(shop["cipher"]?.string == server.credentials.shopCipher)
            #expect(shop["region"]?.string == "GB")
            #expect(shop["seller_type"]?.string == "LOCAL")
            #expect(shop["name"]?.string == "Maple & Thread UK")
            #expect(shop["code"]?.string == "GBLCMT7K2Q9A")

            let entry = try #require(try await server.journal.entries(operation: "get_authorized_shops").first)
            #expect(entry.method == "GET")
            #expect(entry.path == "/authorization/202309/shops")
            #expect(entry.answeredBy == .simulator)
            #expect(entry.responseStatus == 200)
            #expect(entry.responseCode == 0)
            #expect(entry.failedChecks.isEmpty)
            #expect(entry.scenarioDate == server.scenario.clockStart)
            #expect(entry.queryParameters.map(\.name).sorted() == ["app_key", "sign", "timestamp"])
            #expect(entry.responseBody == answer.body)
        }
    }

    /// Header values are journaled as JSON written by hand: quotes, backslashes and control
    /// characters must come back as sent.
    @Test func headerValuesWithQuotesBackslashesAndTabsReadBackAsSent() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            var options = SignedClient.Options()
            options.contentType = "application/json; note=\"say \\\"hi\\\"\tnow\""
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            #expect(answer.status == 200)
            let entry = try #require(try await server.journal.entries().last)
            #expect(entry.headers["content-type"] == options.contentType)
        }
    }

    @Test func fiveHundredConcurrentRequestsAreEachJournaledOnce() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let client = SignedClient(server: server)
            let requestIDs = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<50 {
                    group.addTask {
                        var ids: [String] = []
                        for _ in 0..<10 { ids.append(try await client.listShops().envelope.requestID) }
                        return ids
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            await server.journal.flush()
            let entries = try await server.journal.reader.entries()
            #expect(entries.count == 500)
            #expect(entries.map(\.id) == Array(1...500))
            #expect(Set(entries.map(\.requestID)) == Set(requestIDs))
            #expect(Set(requestIDs).count == 500)
            #expect(server.journal.lostEntries == 0)
        }
    }

    @Test func twoServersInOneProcessShareNothing() async throws {
        try await withReplayServer(scenario: Scenario.default) { first in
            try await withReplayServer(scenario: Scenario.default) { second in
                #expect(first.baseURL != second.baseURL)
                #expect(first.journal.path != second.journal.path)
                for _ in 0..<3 { _ = try await SignedClient(server: first).listShops() }
                _ = try await SignedClient(server: second).send(.GET, "/product/202309/categories", shopScoped: true)
                let firstEntries = try await first.journal.entries()
                let secondEntries = try await second.journal.entries()
                #expect(firstEntries.count == 3)
                #expect(firstEntries.allSatisfy { $0.operation == "get_authorized_shops" })
                #expect(secondEntries.count == 1)
                #expect(secondEntries.first?.operation == "get_categories")
            }
        }
    }

    @Test func sameClientSameScenarioGivesTheSameJournal() async throws {
        func run() async throws -> [[String]] {
            try await withReplayServer(scenario: Scenario.default) { server in
                let client = SignedClient(server: server)
                _ = try await client.listShops()
                _ = try await client.send(.GET, "/product/202309/categories", shopScoped: true)
                _ = try await client.send(.GET, "/nowhere")
                return try await server.journal.entries().map {
                    [
                        "\($0.id)", $0.requestID, "\($0.scenarioTime)", $0.method, $0.path, $0.operation ?? "-", $0.answeredBy.rawValue,
                        "\($0.responseStatus)", String(decoding: $0.responseBody, as: UTF8.self),
                    ]
                }
            }
        }
        let first = try await run()
        let second = try await run()
        #expect(first.count == 3)
        #expect(first == second)
    }

    @Test func differentSeedsGiveDifferentRequestIDs() async throws {
        var other = try Scenario.default
        other.seed += 1
        let a = try await withReplayServer(scenario: Scenario.default) { try await SignedClient(server: $0).listShops().envelope.requestID }
        let b = try await withReplayServer(scenario: other) { try await SignedClient(server: $0).listShops().envelope.requestID }
        #expect(a != b)
    }

    @Test func unsimulatedOperationSaysSoInTheEnvelope() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).send(.POST, "/product/202309/brands", body: #"{"brand_name": "Maple"}"#)
            #expect(answer.status == 501)
            let envelope = try answer.envelope
            #expect(envelope.code == 36009003)
            #expect(envelope.message.contains("create_custom_brands"))
            #expect(try await server.journal.entries().first?.answeredBy == .unanswered)
        }
    }

    @Test func journalOutlivesTheServerAndReadsBackFromTheFile() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.sqlite").path
        try await withReplayServer(scenario: Scenario.default, configuration: .init(journalPath: path)) { server in
            _ = try await SignedClient(server: server).listShops()
            _ = try await SignedClient(server: server).send(.GET, "/nowhere")
        }
        let reader = try JournalReader(path: path)
        #expect(try await reader.count() == 2)
        #expect(try await reader.entries(operation: "get_authorized_shops").count == 1)
        let start = try Scenario.default.clockStart
        #expect(try await reader.entries(scenarioTimeFrom: start, to: start).count == 2)
        #expect(try await reader.entries(scenarioTimeFrom: start.addingTimeInterval(1), to: start.addingTimeInterval(60)).isEmpty)
        #expect(try await reader.runInfo()["scenario"] == "default")
    }

    @Test func temporaryJournalIsRemovedOnStop() async throws {
        let path = try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).listShops()
            return server.journal.path
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func readerRefusesWhatIsNotAJournal() throws {
        #expect(throws: JournalError.self) { try JournalReader(path: "/nonexistent/journal.sqlite") }
    }

    @Test func portInUseIsAClearError() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let taken = try #require(server.baseURL.port)
            await #expect(throws: ReplayServerError.self) {
                _ = try await ReplayServer.start(scenario: Scenario.default, configuration: .init(port: taken))
            }
        }
    }
}
