import Foundation
import GRDB
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// The request table's read indexes (by operation, by scenario time) are built when a run
/// closes its journal, not kept up by every insert: readers of a closed journal use them, a
/// run's own queries read the table through and find the same entries.
@Suite("Journal read indexes")
struct JournalIndexTests {
    static let indexes: Set<String> = ["request_on_operation", "request_scenario_time"]

    /// The request table's indexes in the file, read on a connection of its own.
    static func requestIndexes(_ path: String) throws -> Set<String> {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'request' AND sql IS NOT NULL"))
        }
    }

    /// Whether a query by operation is planned through its index.
    static func operationQueryUsesIndex(_ path: String) throws -> Bool {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? queue.close() }
        return try queue.read { db in
            let plan = try String.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT * FROM request WHERE operation = 'get_authorized_shops'",
                adapter: SuffixRowAdapter(fromIndex: 3)
            )
            return plan.contains { $0.contains("request_on_operation") }
        }
    }

    @Test func aRunWritesWithoutThemAndBuildsThemWhenItCloses() async throws {
        try await TemporaryFolder.with("journal-index") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                for _ in 0..<3 { _ = try await SignedClient(server: server).listShops() }
                await server.journal.flush()
                #expect(try Self.requestIndexes(path).isEmpty, "a run keeps no index up")
                #expect(try await server.journal.entries(operation: "get_authorized_shops").count == 3)
            }
            #expect(try Self.requestIndexes(path) == Self.indexes)
            #expect(try Self.operationQueryUsesIndex(path))
            #expect(try await JournalReader(path: path).entries(operation: "get_authorized_shops").count == 3)
        }
    }

    @Test func aContinuedRunDropsThemAndBuildsThemAgain() async throws {
        try await TemporaryFolder.with("journal-index") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await JournalReuseTests.journalOne(path, requests: 2)
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path, existingJournal: .continue)) { server in
                _ = try await SignedClient(server: server).listShops()
                await server.journal.flush()
                #expect(try Self.requestIndexes(path).isEmpty)
                #expect(try await server.journal.entries(operation: "get_authorized_shops").count == 3)
            }
            #expect(try Self.requestIndexes(path) == Self.indexes)
            let reader = try JournalReader(path: path)
            let start = try #require(try await reader.entries().first).scenarioDate
            #expect(try await reader.entries(scenarioTimeFrom: start, to: start.addingTimeInterval(3600)).count == 3)
        }
    }
}
