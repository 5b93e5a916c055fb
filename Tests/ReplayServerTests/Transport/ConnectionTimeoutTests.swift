import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A connection that waits for its client holds the server only for a bounded time: idle, a
/// head that never ends (slowloris), a body that stalls or trickles.
@Suite("Connection timeouts")
struct ConnectionTimeoutTests {
    /// The timeouts are tens of milliseconds here; every bound asserted is generous, since the
    /// machine may be loaded.
    static func configuration(
        idle: Duration = .seconds(30),
        head: Duration = .seconds(30),
        body: Duration = .seconds(30)
    ) -> ReplayServer.Configuration {
        var configuration = ReplayServer.Configuration()
        configuration.idleTimeout = idle
        configuration.headTimeout = head
        configuration.bodyTimeout = body
        return configuration
    }

    static func request(_ server: ReplayServer) -> String {
        "GET \(SignedClient(server: server).listShopsTarget()) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tts-access-token: \(server.credentials.accessToken)\r\n\r\n"
    }

    @Test func aConnectionThatNeverSendsIsClosedAfterTheIdleTimeout() async throws {
        try await withReplayServer(scenario: Scenario.default, configuration: Self.configuration(idle: .milliseconds(200))) { server in
            let port = try #require(server.baseURL.port)
            let started = ContinuousClock.now
            let connection = try await RawConnection.open(port: port)
            #expect(await connection.waitForClose(within: .seconds(10)))
            #expect(ContinuousClock.now - started >= .milliseconds(200))
            #expect(connection.received.isEmpty)
            await connection.close()
        }
    }

    /// Sent at once, the request must be read within the idle timeout of 200 ms; see
    /// ``untilRead(_:idle:_:)`` for a machine that stalls longer.
    @Test func aKeptAliveConnectionIsClosedAfterTheIdleTimeout() async throws {
        try await Self.untilRead(Scenario.default, idle: .milliseconds(200)) { connection, server in
            guard try await Self.judgeAnswer(connection, server) else { return false }
            #expect(await connection.waitForClose(within: .seconds(10)))
            return true
        }
    }

    /// The answer takes four idle timeouts, and comes.
    @Test func theIdleClockDoesNotRunWhileTheServerAnswers() async throws {
        let scenario = try Scenario.parse("stubs:\n  - {match: {operation: get_authorized_shops}, respond: {delay: 1200ms, data: {}}}\n")
        try await Self.untilRead(scenario, idle: .milliseconds(300)) { connection, server in
            try await Self.judgeAnswer(connection, server)
        }
    }

    /// Answers the client has not read yet are still being written: no clock runs while they
    /// wait in the server (here about 4 MB of answers, more than the system's socket buffers
    /// take, for a client that reads nothing for five idle timeouts), and every one comes once
    /// the client reads. The idle clock starts once the last byte of the last answer has left.
    @Test func theIdleClockDoesNotRunWhileAnswersWaitForTheClientToRead() async throws {
        // Fewer requests than a connection holds unanswered: every one is read and answered.
        let count = 60
        let requests = { (server: ReplayServer) in
            let target = SignedClient(server: server).target("/product/202309/categories", query: ["category_version": "v2"], shopScoped: true)
            let request = "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tts-access-token: \(server.credentials.accessToken)\r\n\r\n"
            return String(repeating: request, count: count)
        }
        try await Self.untilRead(Scenario.default, idle: .milliseconds(300), sending: requests, reading: false) { connection, server in
            try await Task.sleep(for: .milliseconds(1500))
            guard server.journal.requestCount == count else { return false }
            try await connection.startReading()
            #expect(await connection.waitForAnswers(count, within: .seconds(60)))
            #expect(RawConnection.answers(in: connection.received) == Array(repeating: 200, count: count))
            #expect(await connection.waitForClose(within: .seconds(10)))
            return true
        }
    }

    /// Runs `attempt` on a new server and a connection that sent its requests at once (by
    /// default one), until an attempt judges. The requests must be read before the idle timeout
    /// ends; on a machine so loaded that the event loops stall longer than that (seen in about
    /// one full run of the suite in ten), the connection is closed before they were read, and
    /// the attempt says nothing of what the test asserts: it is made again, up to five times.
    private static func untilRead(
        _ scenario: Scenario,
        idle: Duration,
        sending requests: (ReplayServer) -> String = request,
        reading: Bool = true,
        _ attempt: @escaping (RawConnection, ReplayServer) async throws -> Bool
    ) async throws {
        var stalls = 0
        while true {
            let judged = try await withReplayServer(scenario: scenario, configuration: Self.configuration(idle: idle)) { server in
                let connection = try await RawConnection.open(
                    port: try #require(server.baseURL.port),
                    sending: requests(server),
                    reading: reading
                )
                let judged = try await attempt(connection, server)
                await connection.close()
                return judged
            }
            if judged { return }
            stalls += 1
            try #require(stalls < 5, "the request was not read within the idle timeout in \(stalls) attempts: the machine is too loaded to judge")
        }
    }

    /// Whether the attempt judged the answer (it came with 200, or the request was read and not
    /// answered, recorded as an issue); false when the request was never read.
    private static func judgeAnswer(_ connection: RawConnection, _ server: ReplayServer) async throws -> Bool {
        if await connection.waitForAnswers(1, within: .seconds(10)) {
            #expect(RawConnection.answers(in: connection.received) == [200])
            return true
        }
        let closed = connection.isClosed
        // Reading the journal flushes it, which wakes its writer: an answer that comes only then
        // waited for a writer that slept.
        let journaled = try await server.journal.entries().count
        if closed, journaled == 0 { return false }
        let late = await connection.waitForAnswers(1, within: .seconds(2))
        Issue.record(
            "no answer in 10 s; closed by the server: \(closed); entries journaled: \(journaled); answered once the journal was flushed: \(late)"
        )
        return true
    }

    @Test func aHeadTrickledByteByByteIsClosedAfterTheHeadTimeout() async throws {
        try await withReplayServer(scenario: Scenario.default, configuration: Self.configuration(head: .milliseconds(300))) { server in
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port))
            let started = ContinuousClock.now
            try await connection.send("GET /authorization/202309/shops HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            // A header line every 20 ms, never the blank line: the idle timeout (30 s) cannot be what closes it.
            while !connection.isClosed, ContinuousClock.now - started < .seconds(10) {
                try? await connection.send("X-Trickle: 1\r\n")
                try? await Task.sleep(for: .milliseconds(20))
            }
            #expect(connection.isClosed)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(connection.received.isEmpty, "a head never finished gets no answer")
            #expect(try await server.journal.entries().isEmpty)
            await connection.close()
        }
    }

    @Test func aStalledBodyIsAnswered408AndClosedAfterTheBodyTimeout() async throws {
        try await withReplayServer(scenario: Scenario.default, configuration: Self.configuration(body: .milliseconds(300))) { server in
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port))
            let started = ContinuousClock.now
            try await connection.send(
                "POST /product/202309/products/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"page"
            )
            #expect(await connection.waitForClose(within: .seconds(10)))
            await connection.close()
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(RawConnection.answers(in: connection.received) == [408])
            let envelope = try JSONDecoder().decode(Answer.Envelope.self, from: Data(RawHTTP.body(of: connection.received).utf8))
            #expect(envelope.code == 36009004)
            let entries = try await server.journal.entries()
            #expect(entries.map(\.responseStatus) == [408])
            #expect(entries.first?.path == "/product/202309/products/search")
        }
    }

    @Test func aTrickledBodyIsBoundedAsAWhole() async throws {
        try await withReplayServer(scenario: Scenario.default, configuration: Self.configuration(body: .milliseconds(300))) { server in
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port))
            let started = ContinuousClock.now
            try await connection.send(
                "POST /product/202309/products/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
            )
            // A byte every 20 ms: each read is quick, the body as a whole is not.
            while !connection.isClosed, ContinuousClock.now - started < .seconds(10) {
                try? await connection.send(" ")
                try? await Task.sleep(for: .milliseconds(20))
            }
            #expect(connection.isClosed)
            #expect(RawConnection.answers(in: connection.received) == [408])
            await connection.close()
        }
    }

    /// The connection's one timer, armed for the short head deadline, must not close a body that
    /// comes within its own, longer deadline: it arms itself again when it fires early.
    @Test func aBodyWithinItsDeadlineIsAnsweredAfterTheShorterHeadDeadlinePassed() async throws {
        try await withReplayServer(
            scenario: Scenario.default,
            configuration: Self.configuration(head: .milliseconds(150), body: .seconds(20))
        ) { server in
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port))
            let body = #"{"page_size":10}"#
            try await connection.send(
                "POST /product/202309/products/search HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            )
            try await Task.sleep(for: .milliseconds(600))
            #expect(!connection.isClosed, "the head deadline is over; the body's is not")
            try await connection.send(body)
            #expect(await connection.waitForAnswers(1, within: .seconds(10)))
            let answers = RawConnection.answers(in: connection.received)
            #expect(answers.count == 1 && answers.first != 408, "\(connection.received)")
            await connection.close()
        }
    }
}
