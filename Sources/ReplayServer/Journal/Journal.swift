public import Foundation
import GRDB
import Logging
import Scenarios
import Synchronization

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
    private let watchers = Mutex<[Int: Watcher]>([:])
    private let nextWatcher = Atomic<Int>(0)

    private struct Watcher: Sendable {
        var predicate: @Sendable (JournalEntry) -> Bool
        var continuation: AsyncStream<JournalEntry>.Continuation
    }

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

    /// Opens the journal of a server: the given file, or a new one in a temporary folder that is
    /// removed when the journal closes. The run information names the scenario.
    static func open(for scenario: Scenario, at path: String?, logger: Logger) throws -> Journal {
        var file = path
        if file == nil {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            file = directory.appendingPathComponent("journal.sqlite").path
        }
        return try Journal(
            path: file ?? "",
            runInfo: [
                "format_version": "2",
                "scenario": scenario.name,
                "scenario_source": scenario.sourcePath ?? "",
                "seed": "\(scenario.seed)",
                "clock_start": ScenarioInstant.format(scenario.clockStart),
                ContractFacts.runInfoKey: ContractFacts(scenario: scenario).json,
            ],
            removesFileOnClose: path == nil,
            logger: logger
        )
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

    /// The entries one kind of answerer answered, in arrival order, after a flush.
    public func entries(answeredBy answerer: JournalEntry.Answerer) async throws -> [JournalEntry] {
        await flush()
        return try await reader.entries(answeredBy: answerer)
    }

    /// The entries within a span of scenario time, after a flush.
    public func entries(scenarioTimeFrom start: Date, to end: Date) async throws -> [JournalEntry] {
        await flush()
        return try await reader.entries(scenarioTimeFrom: start, to: end)
    }

    /// How many batches failed to write; each failure is also logged. Zero in a healthy run.
    public var writeFailures: Int { writer.failures }

    /// Every webhook delivery attempt, in order, after a flush.
    public func webhookDeliveries() async throws -> [WebhookDeliveryRecord] {
        await flush()
        return try await reader.webhookDeliveries()
    }

    /// Every move of the scenario clock, in order, after a flush.
    public func clockMoves() async throws -> [ClockMove] {
        await flush()
        return try await reader.clockMoves()
    }

    /// Every shop event, in order, after a flush.
    public func shopEvents() async throws -> [ShopEvent] {
        await flush()
        return try await reader.shopEvents()
    }

    /// Waits for the first request entry after `id` that matches, without polling: entries
    /// already written are searched, and new ones are seen as they are recorded.
    ///
    /// - Returns: The entry, or nil when none came within `timeout` (real time).
    public func firstEntry(
        after id: Int64 = 0,
        timeout: Duration,
        matching predicate: @escaping @Sendable (JournalEntry) -> Bool
    ) async throws -> JournalEntry? {
        let (stream, continuation) = AsyncStream<JournalEntry>.makeStream()
        let key = nextWatcher.wrappingAdd(1, ordering: .relaxed).newValue
        watchers.withLock { $0[key] = Watcher(predicate: { $0.id > id && predicate($0) }, continuation: continuation) }
        defer {
            watchers.withLock { _ = $0.removeValue(forKey: key) }
            continuation.finish()
        }
        await flush()
        var cursor = id
        while true {
            let page = try await reader.entries(after: cursor, limit: 500)
            if let found = page.first(where: predicate) { return found }
            guard let last = page.last else { break }
            cursor = last.id
        }
        return await withTaskGroup(of: JournalEntry?.self) { group in
            group.addTask {
                for await entry in stream { return entry }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            continuation.finish()
            group.cancelAll()
            return first
        }
    }

    func record(_ record: JournalRecord) {
        writer.append(record)
        if case .request(let entry) = record {
            let matching = watchers.withLock { $0.values.filter { $0.predicate(entry) } }
            for watcher in matching { watcher.continuation.yield(entry) }
        }
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
