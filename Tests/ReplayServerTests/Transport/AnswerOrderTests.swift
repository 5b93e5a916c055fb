import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// The API is answered on the connection's event loop and the admin API by Hummingbird after
/// it: pipelined requests still get their answers in order, whoever answers and however late.
@Suite("Answer order on one connection")
struct AnswerOrderTests {
    static func get(_ server: ReplayServer) -> String {
        HTTPFramingTests.get(server)
    }

    static let health = "GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    @Test func anAdminAnswerWaitsForALateAPIAnswerBeforeIt() async throws {
        let scenario = try Scenario.parse(
            "stubs:\n  - {match: {operation: get_authorized_shops}, respond: {delay: 300ms, data: {stubbed: late}}}\n"
        )
        try await withReplayServer(scenario: scenario) { server in
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: Self.get(server) + Self.health + Self.get(server)
            )
            #expect(await connection.waitForAnswers(3, within: .seconds(10)))
            let received = connection.received
            #expect(RawConnection.answers(in: received) == [200, 200, 200])
            // The late stub's answer, then the health, then the second stub's answer.
            let late = try #require(received.range(of: #""stubbed":"late""#))
            let health = try #require(received.range(of: #""scenario""#))
            let secondLate = try #require(received.range(of: #""stubbed":"late""#, options: .backwards))
            #expect(late.lowerBound < health.lowerBound && health.lowerBound < secondLate.lowerBound, "\(received)")
            await connection.close()
        }
    }

    @Test func aStubHangingUpDoesSoAfterTheAnswersBeforeIt() async throws {
        let scenario = try Scenario.parse("stubs:\n  - {match: {operation: get_categories}, respond: {fault: reset}}\n")
        try await withReplayServer(scenario: scenario) { server in
            let client = SignedClient(server: server)
            let categories =
                "GET \(client.target("/product/202309/categories", shopScoped: true)) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tts-access-token: \(server.credentials.accessToken)\r\n\r\n"
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: Self.get(server) + Self.health + categories + Self.get(server)
            )
            #expect(await connection.waitForClose(within: .seconds(10)))
            #expect(RawConnection.answers(in: connection.received) == [200, 200], "\(connection.received.prefix(600))")
            await connection.close()
        }
    }

    @Test func aClientThatDoesNotReadItsAnswersIsNotReadEither() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            // 200 answers of about 70 KB each (14 MB) for a client that reads none of them.
            let count = 200
            let target = SignedClient(server: server).target("/product/202309/categories", query: ["category_version": "v2"], shopScoped: true)
            let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tts-access-token: \(server.credentials.accessToken)\r\n\r\n"
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: String(repeating: request, count: count),
                reading: false
            )
            // The server answers until its answers wait for the client, then stops reading.
            var journaled = -1
            let settled = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < settled {
                try await Task.sleep(for: .milliseconds(300))
                let now = server.journal.requestCount
                if now > 0, now == journaled { break }
                journaled = now
            }
            #expect(journaled > 0 && journaled < count, "\(journaled) of \(count) requests were read while the client read nothing")
            // Once the client reads, every request is answered.
            try await connection.startReading()
            #expect(await connection.waitForAnswers(count, within: .seconds(60)))
            #expect(RawConnection.answers(in: connection.received) == Array(repeating: 200, count: count))
            #expect(server.journal.requestCount == count)
            await connection.close()
        }
    }

    @Test func moreRequestsPipelinedThanAConnectionHoldsAreAllAnsweredInOrder() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let count = 3 * 64 + 5
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: String(repeating: Self.get(server), count: count)
            )
            #expect(await connection.waitForAnswers(count, within: .seconds(30)))
            #expect(RawConnection.answers(in: connection.received) == Array(repeating: 200, count: count))
            let entries = try await server.journal.entries()
            #expect(entries.count == count)
            // Request ids follow arrival: the answers carry them in the order the requests came.
            let sent = connection.received.components(separatedBy: #""request_id":""#).dropFirst().map { String($0.prefix(34)) }
            #expect(sent == entries.map(\.requestID))
            await connection.close()
        }
    }

    /// Admin requests past the requests a connection holds wait, then go to the admin API's
    /// channel once room is made: they are answered too, with no more bytes from the client to
    /// complete the read they came in. (They were passed on without a read completed, which
    /// that channel waits for to hand requests on: the connection hung, with no clock running.)
    @Test(arguments: [1, 2 * 64 + 3])
    func adminRequestsPastWhatAConnectionHoldsAreAnswered(apiRequestsBefore: Int) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let admin = 64 + 2
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: String(repeating: Self.get(server), count: apiRequestsBefore) + String(repeating: Self.health, count: admin)
            )
            let count = apiRequestsBefore + admin
            #expect(await connection.waitForAnswers(count, within: .seconds(30)))
            #expect(RawConnection.answers(in: connection.received) == Array(repeating: 200, count: count))
            await connection.close()
        }
    }
}
