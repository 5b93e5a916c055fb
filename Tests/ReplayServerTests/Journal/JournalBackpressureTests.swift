import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Synchronization
import Testing

/// The writer's queue is bounded: when it is full, answers wait for room; an answer waits for
/// its entry to be committed (by default); health never waits for the writer.
@Suite("The journal's bounded queue")
struct JournalBackpressureTests {
    static func withLockedServer<T>(
        _ configuration: ReplayServer.Configuration = .init(),
        _ body: (ReplayServer, JournalTamper) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("journal-queue-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var configuration = configuration
        configuration.journalPath = folder.appendingPathComponent("j.sqlite").path
        return try await withReplayServer(scenario: try .default, configuration: configuration) { server in
            let tamper = try JournalTamper(path: server.journal.path)
            try await tamper.holdWriteLock()
            do {
                let result = try await body(server, tamper)
                try? await tamper.releaseWriteLock()
                return result
            } catch {
                try? await tamper.releaseWriteLock()
                throw error
            }
        }
    }

    /// Asks health until it says what `done` wants; each answer comes at once, so this is a
    /// few calls, bounded by `attempts`.
    static func health(of server: ReplayServer, attempts: Int = 200, until done: (JSON) -> Bool) async throws -> JSON {
        var last = JSON.null
        for _ in 0..<attempts {
            last = try await AdminClient(server: server).call(.GET, "/health").json
            if done(last) { return last }
            try await Task.sleep(for: .milliseconds(10))
        }
        return last
    }

    /// How many answers have come back.
    final class Answered: Sendable {
        private let count = Atomic<Int>(0)
        func add() { count.add(1, ordering: .relaxed) }
        var value: Int { count.load(ordering: .relaxed) }
    }

    /// Sends `count` requests at once; counts the answers as they come.
    static func send(_ count: Int, to server: ReplayServer, answered: Answered) -> Task<[Int], any Error> {
        Task {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        let status = try await SignedClient(server: server).listShops().status
                        answered.add()
                        return status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
    }

    @Test func healthAnswersWhileTheWriterIsBlocked() async throws {
        try await Self.withLockedServer { server, tamper in
            let answered = Answered()
            let requests = Self.send(1, to: server, answered: answered)
            let health = try await Self.health(of: server) { $0["journal_queued_entries"] == .number(1) }
            #expect(health["journal_queued_entries"] == .number(1), "health answered while the entry waits for the lock: \(health)")
            #expect(health["status"] == .string("ok"))
            #expect(answered.value == 0, "the answer waits for its entry to be committed")
            try await tamper.releaseWriteLock()
            #expect(try await requests.value == [200])
            #expect(try await JournalReader(path: server.journal.path).count() == 1, "committed before the answer was sent")
        }
    }

    @Test(arguments: [JournalDurability.commitBeforeAnswer, .answerBeforeCommit])
    func answersWaitForRoomWhenTheQueueIsFull(_ durability: JournalDurability) async throws {
        var configuration = ReplayServer.Configuration()
        configuration.journalQueueLimit = .init(entries: 2, bytes: 1 << 20)
        configuration.journalDurability = durability
        try await Self.withLockedServer(configuration) { server, tamper in
            let answered = Answered()
            let requests = Self.send(3, to: server, answered: answered)
            let health = try await Self.health(of: server) { $0["journal_waiting_for_room"] == .number(1) }
            #expect(health["journal_queued_entries"] == .number(2))
            #expect(health["journal_waiting_for_room"] == .number(1))
            // While the lock is held nothing can be written, so the third answer cannot have been sent.
            #expect(answered.value <= (durability == .answerBeforeCommit ? 2 : 0))
            try await tamper.releaseWriteLock()
            #expect(try await requests.value == [200, 200, 200])
            #expect(try await server.journal.entries().map(\.id) == [1, 2, 3])
            #expect(server.journal.lostEntries == 0)
        }
    }

    @Test func aLargeEntryIsQueuedAloneRatherThanRefused() async throws {
        var configuration = ReplayServer.Configuration()
        configuration.journalQueueLimit = .init(entries: 100, bytes: 10)
        try await withReplayServer(scenario: try .default, configuration: configuration) { (server: ReplayServer) async throws in
            let client = SignedClient(server: server)
            for _ in 0..<3 { #expect(try await client.listShops().status == 200) }
            #expect(try await server.journal.entries().count == 3)
        }
    }
}
