public import Foundation
import GRDB
import Logging

/// The record of everything a server saw and did, in a SQLite file (WAL mode).
///
/// Entries are written in batches off the response path. Reads through `Journal` first wait
/// for pending writes, so a test sees every request it has had an answer to:
///
/// ```swift
/// let entries = try await server.journal.entries(operation: "get_authorized_shops")
/// ```
public final class Journal: Sendable {
    /// The SQLite file.
    public let path: String
    /// A reader over the same file, without the implicit flush.
    public let reader: JournalReader

    private let pool: DatabasePool
    private let writer: JournalWriter
    private let removesFileOnClose: Bool

    /// Opens (creating or migrating) a journal file for writing.
    init(path: String, runInfo: [String: String], removesFileOnClose: Bool, logger: Logger) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try JournalSchema.migrator.migrate(pool)
        try pool.write { db in
            for (key, value) in runInfo {
                try db.execute(sql: "INSERT OR REPLACE INTO run_info (key, value) VALUES (?, ?)", arguments: [key, value])
            }
        }
        self.path = path
        self.pool = pool
        self.reader = JournalReader(database: pool)
        self.writer = JournalWriter(pool: pool, logger: logger)
        self.removesFileOnClose = removesFileOnClose
    }

    /// Waits until every entry recorded so far is in the file: a barrier for readers in other processes.
    public func flush() async {
        await writer.flush()
    }

    /// Every entry, in arrival order, after a flush.
    public func entries() async throws -> [JournalEntry] {
        await flush()
        return try await reader.entries()
    }

    /// The entries of one operation, in arrival order, after a flush.
    public func entries(operation: String) async throws -> [JournalEntry] {
        await flush()
        return try await reader.entries(operation: operation)
    }

    /// The entries within a span of scenario time, after a flush.
    public func entries(scenarioTimeFrom start: Date, to end: Date) async throws -> [JournalEntry] {
        await flush()
        return try await reader.entries(scenarioTimeFrom: start, to: end)
    }

    /// How many batches failed to write; each failure is also logged. Zero in a healthy run.
    public var writeFailures: Int { writer.failures }

    func record(_ entry: JournalEntry) {
        writer.append(entry)
    }

    /// Empties every table except the run information.
    func clear() async throws {
        await flush()
        try await pool.write { db in
            for table in JournalSchema.tables { try db.execute(sql: "DELETE FROM \(table)") }
        }
    }

    /// Flushes, checkpoints and closes the file; removes it when the journal was temporary.
    func close() async {
        await writer.close()
        try? pool.close()
        if removesFileOnClose {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
