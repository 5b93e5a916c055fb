import Foundation
import GRDB
import Testing

@testable import ReplayJournal

/// The journal's write-ahead log is copied into the file by a checkpointer of its own, not by
/// the commit that crosses SQLite's mark; the writer checkpoints itself only past a higher mark,
/// so that the log stays bounded whatever the background checkpoints manage.
@Suite("Write-ahead log checkpoints")
struct LogCheckpointerTests {
    /// A WAL database of one table, in a temporary folder removed afterwards.
    private func withDatabase(_ body: (DatabasePool, String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("log-checkpointer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let pool = try DatabasePool(path: path)
        defer { try? pool.close() }
        try pool.write { db in try db.execute(sql: "CREATE TABLE t (id INTEGER PRIMARY KEY, v BLOB NOT NULL)") }
        try body(pool, path)
    }

    /// Commits `count` transactions of one row of about one page each.
    private func commit(_ count: Int, into pool: DatabasePool) throws {
        for _ in 0..<count {
            try pool.write { db in
                try db.execute(sql: "INSERT INTO t (v) VALUES (?)", arguments: [Data(repeating: 7, count: 3_000)])
            }
        }
    }

    @Test func withoutBackgroundCheckpointsTheWriterKeepsTheLogBounded() throws {
        try withDatabase { pool, path in
            let checkpointer = try LogCheckpointer(path: path, pool: pool, backgroundPages: .max, writerPages: 50)
            try commit(400, into: pool)
            let status = checkpointer.status
            checkpointer.close(unhooking: pool)
            #expect(status.background == 0)
            #expect(status.byWriter >= 4)
            // One commit writes a few pages; the log starts over after each writer's checkpoint.
            #expect(status.mostPages < 50 + 8, "the log grew to \(status.mostPages) pages")
            #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 400)
        }
    }

    @Test func backgroundCheckpointsCopyTheLogIntoTheFile() throws {
        try withDatabase { pool, path in
            let sizeBefore = try fileSize(path)
            let checkpointer = try LogCheckpointer(path: path, pool: pool, backgroundPages: 20, writerPages: .max)
            try commit(200, into: pool)
            // Waits for the background checkpoints asked for; the pool has not checkpointed itself.
            checkpointer.close(unhooking: pool)
            let status = checkpointer.status
            #expect(status.background >= 1)
            #expect(status.byWriter == 0)
            #expect(try fileSize(path) > sizeBefore + 20 * 4096, "the log's pages were not copied into the file")
            #expect(try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") } == 200)
        }
    }

    @Test func aClosedCheckpointerIsNoLongerCalled() throws {
        try withDatabase { pool, path in
            let checkpointer = try LogCheckpointer(path: path, pool: pool, backgroundPages: 5, writerPages: 10)
            try commit(20, into: pool)
            checkpointer.close(unhooking: pool)
            let closed = checkpointer.status
            try commit(50, into: pool)
            let later = checkpointer.status
            #expect(later.mostPages == closed.mostPages)
            #expect(later.byWriter == closed.byWriter)
            #expect(later.background == closed.background)
        }
    }

    /// A journal dropped unclosed may still commit on its writer's thread: the hook must not
    /// call a freed checkpointer.
    @Test func theHookHoldsTheCheckpointerUntilItIsClosed() throws {
        try withDatabase { pool, path in
            weak var held: LogCheckpointer?
            do {
                let checkpointer = try LogCheckpointer(path: path, pool: pool, backgroundPages: 5, writerPages: 10)
                held = checkpointer
            }
            #expect(held != nil, "dropped while hooked, the next commit would call a freed object")
            try commit(30, into: pool)
            held?.close(unhooking: pool)
            #expect(held == nil, "closed, it is held no more")
        }
    }

    private func fileSize(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
    }
}
