import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// Past the connection cap a new client still gets an answer: the connection that has waited
/// longest for its client makes room, or, when every connection is busy, a quick 503 envelope.
@Suite("Connection cap")
struct ConnectionCapTests {
    static func configuration(maxConnections: Int) -> ReplayServer.Configuration {
        var configuration = ReplayServer.Configuration()
        configuration.maxConnections = maxConnections
        return configuration
    }

    @Test func aNewClientClosesTheLongestIdleConnection() async throws {
        try await withReplayServer(scenario: Scenario.default, configuration: Self.configuration(maxConnections: 4)) { server in
            let port = try #require(server.baseURL.port)
            var idle: [RawConnection] = []
            for _ in 0..<4 {
                // Answered once, so the server has it on its books, then left idle.
                let connection = try await RawConnection.open(port: port, sending: ConnectionTimeoutTests.request(server))
                #expect(await connection.waitForAnswers(1, within: .seconds(10)))
                idle.append(connection)
            }
            #expect(try await SignedClient(server: server).listShops().status == 200)
            #expect(await idle[0].waitForClose(within: .seconds(10)), "the longest idle connection made room")
            #expect(!idle[3].isClosed)
            for connection in idle { await connection.close() }
        }
    }

    @Test func whenEveryConnectionIsBusyANewClientGetsA503Envelope() async throws {
        // The delay outlasts any pause of the test on a loaded machine (the server's stop waits for it).
        let scenario = try Scenario.parse("stubs:\n  - {match: {operation: get_authorized_shops}, respond: {delay: 20s, data: {}}}\n")
        try await withReplayServer(scenario: scenario, configuration: Self.configuration(maxConnections: 2)) { server in
            let port = try #require(server.baseURL.port)
            var busy: [RawConnection] = []
            for _ in 0..<2 {
                let connection = try await RawConnection.open(port: port, sending: ConnectionTimeoutTests.request(server))
                busy.append(connection)
            }
            // A stubbed answer is journaled before its delay: both connections are now answering.
            let deadline = ContinuousClock.now + .seconds(10)
            while try await server.journal.entries().count < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(10))
            }
            let refused = try await SignedClient(server: server).send(.GET, "/product/202309/categories", shopScoped: true)
            #expect(refused.status == 503)
            #expect(refused.code == 36009003)
            #expect(refused.headers["connection"] == "close")
            for connection in busy {
                #expect(await connection.waitForAnswers(1, within: .seconds(30)), "the busy connections are not cut")
                await connection.close()
            }
        }
    }
}
