import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// Receivers that hang, trickle, cut short, refuse or close: every attempt ends within its
/// deadline, clock moves and stopping the server end with it, and nothing unfinished is
/// recorded as acknowledged.
@Suite("Webhook delivery bounds")
struct WebhookBoundsTests {
    typealias F = UpgradeFixture

    /// Only the mugs upgrade, one second into the task: one notification.
    static func scenario(ackTimeout milliseconds: Int64, retries: [String] = [], allProducts: Bool = false) throws -> Scenario {
        try F.scenario {
            if !allProducts {
                $0.upgrade.duration = HumanDuration(seconds: 1)
                $0.upgrade.failures = [.init(productID: F.jumper), .init(productID: F.board)]
            }
            $0.webhooks.acknowledgementTimeout = HumanDuration(milliseconds: milliseconds)
            $0.webhooks.retries = retries.map { HumanDuration(parsing: $0)! }
        }
    }

    /// Where the server sends its webhooks.
    enum Address {
        /// The receiver's `http://` URL.
        case receiver
        /// The receiver's URL with `https://`, which it does not speak.
        case receiverOverHTTPS
        /// The receiver's URL with the name `localhost` for its address.
        case receiverByName
        case fixed(String)

        func url(of receiver: HostileReceiver) -> String {
            switch self {
            case .receiver: receiver.url
            case .receiverOverHTTPS: receiver.url.replacingOccurrences(of: "http://", with: "https://")
            case .receiverByName: receiver.url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            case .fixed(let url): url
            }
        }
    }

    /// Runs `body` with a hostile receiver and a server sending it webhooks, journal in a file
    /// of its own (readable after the server stops).
    func run(
        _ script: [HostileReceiver.Behaviour],
        scenario: Scenario,
        address: Address = .receiver,
        _ body: (ReplayServer, HostileReceiver, String) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("webhook-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = directory.appendingPathComponent("journal.sqlite").path
        try await HostileReceiver.with(script) { receiver in
            let configuration = ReplayServer.Configuration(journalPath: journal, webhookURL: address.url(of: receiver))
            try await withReplayServer(scenario: scenario, configuration: configuration) { server in
                try await body(server, receiver, journal)
            }
        }
    }

    func triggerUpgrade(_ server: ReplayServer) async throws {
        let answer = try await SignedClient(server: server).call(.POST, "/product/202407/products/category_upgrade_task")
        try #require(answer.code == 0)
    }

    /// Moves the clock, and says how long that took in real time (nil: not within `limit`).
    func advance(_ server: ReplayServer, _ text: String, within limit: Duration = .seconds(20)) async -> Duration? {
        let milliseconds = HumanDuration(parsing: text)!.milliseconds
        return await RealTimeBound.run(within: limit) { await server.clock.advance(by: .milliseconds(milliseconds)) }?.elapsed
    }

    static func seconds(_ microseconds: Int64?) -> Double { Double(microseconds ?? .max) / 1e6 }

    @Test func anAnswerThatStopsAfterItsHeadFailsAtTheDeadlineAndTheClockMovesOn() async throws {
        // 2 s, not less: under the full suite's load a 200 ms deadline ended both attempts before
        // the receiver had read a request, so the test no longer saw an answer stop after its head.
        let deadline = HumanDuration(milliseconds: 2_000)
        try await run([.headThenSilence], scenario: Self.scenario(ackTimeout: deadline.milliseconds, retries: ["2m"])) { server, receiver, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "1m") != nil, "the move that makes the first attempt due returns")
            #expect(await advance(server, "2m") != nil, "and so does the one that makes the retry due")
            let attempts = try await server.journal.webhookDeliveries()
            #expect(attempts.map(\.outcome) == [.failed, .failed])
            #expect(attempts.map(\.responseStatus) == [nil, nil], "an unfinished answer is no status")
            for attempt in attempts {
                // How far the answer got before the deadline depends on the machine's load.
                #expect(attempt.error?.hasPrefix("no answer within \(deadline) (") == true, "\(attempt.error ?? "")")
                #expect(Self.seconds(attempt.latencyMicroseconds) < 7)
            }
            #expect((1...2).contains(receiver.requests.count))
        }
    }

    @Test func aTrickledBodyIsNotAcknowledgedAfterTheDeadline() async throws {
        // The bounds on real time leave seconds to spare: the whole suite loads the machine.
        try await run([.trickle(interval: .milliseconds(500))], scenario: Self.scenario(ackTimeout: 300)) { server, _, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "1m") != nil)
            let attempt = try #require(try await server.journal.webhookDeliveries().first)
            #expect(attempt.outcome == .failed, "20 bytes at 500 ms each take 10 s; the deadline is 300 ms")
            #expect(attempt.error?.hasPrefix("no answer within 300ms (") == true, "\(attempt.error ?? "")")
            #expect(Self.seconds(attempt.latencyMicroseconds) < 8)
        }
    }

    @Test func aBodyCutShortIsAFailureThatSaysSo() async throws {
        // A deadline far beyond the close: under the whole suite's load an attempt ended by the
        // close took 4.1 s once, against a bound of 4 s and a deadline of 5 s.
        try await run([.truncate], scenario: Self.scenario(ackTimeout: 20_000)) { server, _, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "1m") != nil)
            let attempt = try #require(try await server.journal.webhookDeliveries().first)
            #expect(attempt.outcome == .failed)
            #expect(attempt.responseStatus == nil)
            #expect(
                attempt.error == "the receiver closed the connection before the end of its answer (HTTP 200 head, then 3 of 20 body bytes)"
            )
            #expect(Self.seconds(attempt.latencyMicroseconds) < 15, "the close ends the attempt, not the 20 s deadline")
        }
    }

    @Test func aRefusedConnectionFailsAtOnce() async throws {
        let refusing = try HeldPort()
        defer { refusing.close() }
        let port = refusing.port
        // Deadlines of 20 s, far beyond a refusal even on a loaded machine.
        let scenario = try Self.scenario(ackTimeout: 20_000, retries: ["2m", "30m"])
        try await run([.answer(200)], scenario: scenario, address: .fixed("http://127.0.0.1:\(port)/webhooks")) { server, _, _ in
            try await triggerUpgrade(server)
            let elapsed = try #require(await advance(server, "1h", within: .seconds(45)))
            let attempts = try await server.journal.webhookDeliveries()
            #expect(attempts.map(\.outcome) == [.failed, .failed, .failed])
            for attempt in attempts {
                #expect(attempt.error == "could not connect to 127.0.0.1:\(port): connection refused")
                #expect(Self.seconds(attempt.latencyMicroseconds) < 10, "a refusal is not waited out to the 20 s deadline")
            }
            #expect(elapsed < .seconds(30), "three refused attempts, not three deadlines (60 s)")
        }
    }

    @Test func aReceiverThatClosesAfterAnsweringGetsEveryDeliveryOnAFreshConnection() async throws {
        // A deadline no loaded machine misses: what is under test is the connection, not the time.
        let scenario = try Self.scenario(ackTimeout: 10_000, allProducts: true)
        try await run([.answerThenClose(after: .milliseconds(200))], scenario: scenario) { server, receiver, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "2h") != nil)
            let attempts = try await server.journal.webhookDeliveries()
            #expect(attempts.map(\.outcome) == [.acknowledged, .acknowledged, .acknowledged], "\(attempts.compactMap(\.error))")
            #expect(receiver.connections == 3, "one connection per attempt")
            let requests = receiver.requests
            #expect(requests.count == 3)
            let port = try #require(URL(string: receiver.url)?.port)
            for (request, attempt) in zip(requests, attempts) {
                #expect(request.head.hasPrefix("POST /webhooks HTTP/1.1\r\n"))
                #expect(request.header("host") == "127.0.0.1:\(port)")
                #expect(request.header("content-type") == "application/json")
                #expect(request.header("user-agent") == "tts-replay-webhook")
                #expect(request.header("connection") == "close")
                #expect(request.header("authorization") == attempt.signature)
                #expect(request.header("content-length") == "\(attempt.payload.count)")
                #expect(Data(request.body) == attempt.payload)
            }
        }
    }

    @Test func aHostNameIsResolvedAndSentInTheHostHeader() async throws {
        try await run([.answer(200)], scenario: Self.scenario(ackTimeout: 10_000), address: .receiverByName) { server, receiver, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "1m") != nil)
            #expect(try await server.journal.webhookDeliveries().map(\.outcome) == [.acknowledged])
            let port = try #require(URL(string: receiver.url)?.port)
            #expect(receiver.requests.map { $0.header("host") } == ["localhost:\(port)"])
            #expect(receiver.connections == 1)
        }
    }

    @Test func anHTTPSAddressOfAReceiverWithoutTLSFailsWithinTheDeadline() async throws {
        let scenario = try Self.scenario(ackTimeout: 300)
        try await run([.headThenSilence], scenario: scenario, address: .receiverOverHTTPS) { server, _, _ in
            try await triggerUpgrade(server)
            #expect(await advance(server, "1m") != nil)
            let attempt = try #require(try await server.journal.webhookDeliveries().first)
            #expect(attempt.outcome == .failed)
            #expect(attempt.error != nil)
            #expect(Self.seconds(attempt.latencyMicroseconds) < 5)
        }
    }

    @Test func stoppingTheServerCancelsAnAttemptInFlightAndJournalsIt() async throws {
        try await run([.headThenSilence], scenario: Self.scenario(ackTimeout: 60_000, retries: ["2m"])) { server, receiver, journal in
            try await triggerUpgrade(server)
            let moving = Task { await server.clock.advance(by: .seconds(60)) }
            #expect(await receiver.awaitRequests(1))
            // Far apart on purpose: stopping takes a few seconds on a loaded machine, the attempt 60.
            let stopped = await RealTimeBound.run(within: .seconds(45)) { try? await server.stop() }
            #expect(stopped != nil)
            #expect((stopped?.elapsed ?? .seconds(60)) < .seconds(30), "the attempt's 60 s deadline is not waited for")
            #expect(await RealTimeBound.run(within: .seconds(30)) { await moving.value } != nil, "the clock move ends with it")
            let attempts = try await JournalReader(path: journal).webhookDeliveries()
            #expect(attempts.map(\.outcome) == [.cancelled], "cancelled, and not retried")
            #expect(attempts.first?.error == "cancelled while in flight: the server stopped")
        }
    }

    @Test func cancellingTheTaskThatMovesTheClockCancelsItsAttempt() async throws {
        try await run([.headThenSilence], scenario: Self.scenario(ackTimeout: 10_000, retries: ["2m"])) { server, receiver, _ in
            try await triggerUpgrade(server)
            let moving = Task { await server.clock.advance(by: .seconds(60)) }
            #expect(await receiver.awaitRequests(1))
            moving.cancel()
            #expect(await RealTimeBound.run(within: .seconds(5)) { await moving.value } != nil, "the move ends without the 10 s deadline")
            let attempts = try await server.journal.webhookDeliveries()
            #expect(attempts.map(\.outcome) == [.cancelled])
            #expect(attempts.first?.error == "cancelled while in flight: the task moving the clock was cancelled")
        }
    }

    @Test func anAdminClockMoveWithAHangingReceiverReturns() async throws {
        try await run([.headThenSilence], scenario: Self.scenario(ackTimeout: 200, retries: ["2m"])) { server, _, _ in
            try await triggerUpgrade(server)
            let admin = AdminClient(server: server)
            for _ in 0..<2 {
                let moved = await RealTimeBound.run(within: .seconds(20)) {
                    try? await admin.call(.POST, "/clock/advance", json: #"{"by": "1h"}"#).status
                }
                #expect(moved?.value == 200)
            }
            #expect(try await server.journal.webhookDeliveries().map(\.outcome) == [.failed, .failed])
        }
    }

    @Test func sigtermStopsServeWithinTheBoundWhileAReceiverHangs() async throws {
        try await HostileReceiver.with([.headThenSilence]) { receiver in
            try await ServeProcess.with(["--webhook-url", receiver.url]) { serve in
                let answer = try await serve.client.call(.POST, "/product/202407/products/category_upgrade_task")
                try #require(answer.code == 0)
                let admin = AdminClient(adminURL: serve.announcement.adminURL)
                let moving = Task { try? await admin.call(.POST, "/clock/advance", json: #"{"by": "2h"}"#) }
                defer { moving.cancel() }
                #expect(await receiver.awaitRequests(1))
                serve.process.signal()
                let exited = await RealTimeBound.run(within: .seconds(20)) { await ServeProcess.waitForExit(serve.process) }
                let elapsed = try #require(exited?.elapsed, "serve did not exit on SIGTERM")
                #expect(elapsed < .seconds(4), "the default scenario's 3 s ack timeout + 1 s")
                let attempts = try await JournalReader(path: serve.announcement.journal).webhookDeliveries()
                // On a loaded machine an attempt can meet its 3 s deadline before the receiver
                // reads it; the one the receiver holds when the signal comes is cancelled.
                #expect(attempts.last?.outcome == .cancelled, "\(attempts.map(\.outcome))")
                #expect(attempts.dropLast().allSatisfy { $0.outcome == .failed })
            }
        }
    }
}
