public import Foundation
import GRDB
package import Logging
import Scenarios
import Synchronization

/// The record of everything a server saw and did, in a SQLite file (WAL mode).
///
/// Entries are written in batches, many answers sharing one transaction; by default an answer
/// is sent once its entry is committed (``JournalDurability``). Reads through
/// `Journal` first wait for pending writes, so a test sees every request it has had an answer to:
///
/// ```swift
/// let entries = try await server.journal.entries(operation: "get_authorized_shops")
/// ```
public final class Journal: Sendable {
    /// The SQLite file.
    public let path: String
    /// A reader over the same file, without the implicit flush.
    public let reader: JournalReader

    /// The arrival number of the last request the file held when it was opened: 0, or the end
    /// of the run a continued journal goes on from.
    package let lastArrival: Int64
    /// Whether a request's answer waits for its entry's commit.
    package let durability: JournalDurability

    private let pool: DatabasePool
    private let writer: JournalWriter
    /// Copies the write-ahead log into the file off the writer's thread.
    private let checkpointer: LogCheckpointer
    private let runID: Int64
    /// Request entries the file held before this run (none after a reset).
    private let requestsBefore: Atomic<Int>
    private let removesFileOnClose: Bool
    /// Held for the run: no other server replaces or continues the file meanwhile.
    private let lock: JournalFileLock
    /// Whether the file was found deleted or replaced at close (read after the lock is gone).
    private let wasGoneAtClose = Atomic(false)
    private let logger: Logger
    private let watchers = JournalWatchers()

    /// Opens (creating, migrating or continuing) a journal file for writing and records the run.
    ///
    /// - Parameter redactor: What replaces the secrets of each request before it is written.
    package init(
        path: String,
        scenario: String,
        runInfo: [String: String],
        existing: ExistingJournal,
        durability: JournalDurability,
        queueLimit: JournalQueueLimit,
        logger: Logger,
        redactor: JournalRedactor,
        removesFileOnClose: Bool
    ) throws(JournalError) {
        let opened = try JournalFile.open(path: path, scenario: scenario, existing: existing)
        let lock: JournalFileLock
        do {
            lock = try JournalFileLock.acquire(path: path)
        } catch {
            try? opened.pool.close()
            throw error
        }
        let runID: Int64
        let checkpointer: LogCheckpointer
        do {
            runID = try opened.pool.write { db in
                for (key, value) in runInfo {
                    try db.execute(sql: "INSERT OR REPLACE INTO run_info (key, value) VALUES (?, ?)", arguments: [key, value])
                }
                try db.execute(
                    sql: "INSERT INTO run (scenario, started_wall_time, first_arrival, durability) VALUES (?, ?, ?, ?)",
                    arguments: [scenario, Date().timeIntervalSince1970, opened.lastArrival + 1, durability.rawValue]
                )
                let runID = db.lastInsertedRowID
                try JournalSchema.dropReadIndexes(db)
                return runID
            }
            checkpointer = try LogCheckpointer(path: path, pool: opened.pool)
        } catch {
            try? opened.pool.close()
            lock.release()
            throw .cannotOpen(path: path, reason: JournalWriter.describe(error))
        }
        self.path = path
        self.lock = lock
        self.pool = opened.pool
        self.reader = JournalReader(database: opened.pool)
        self.lastArrival = opened.lastArrival
        self.requestsBefore = Atomic(opened.requests)
        self.durability = durability
        self.runID = runID
        self.checkpointer = checkpointer
        self.writer = JournalWriter(
            .init(
                pool: opened.pool,
                path: path,
                runID: runID,
                limit: queueLimit,
                logger: logger,
                redactor: redactor,
                watchers: watchers
            )
        )
        self.removesFileOnClose = removesFileOnClose
        self.logger = logger
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

    /// How many entries could not be written in this run (zero in a healthy one): the first
    /// failure is logged, the total at stop, and `GET /__admin/health` then says `degraded`.
    /// A journal file deleted or replaced while the server runs counts every entry of the run
    /// as lost: they are in no file its path names.
    public var lostEntries: Int { writerStatus.lost }

    /// The last write error, if a write failed.
    public var lastWriteError: String? { writerStatus.lastError }

    /// What the writer holds and has done, read without waiting for it; every entry counts as
    /// lost once the file is no longer at its path.
    package var writerStatus: JournalWriter.Status {
        var status = writer.status
        if isGone {
            status.lost = max(status.lost, status.appended)
            status.lastError = "the journal file \(path) was deleted or replaced while the server ran: this run's entries are in no file there"
        }
        return status
    }

    /// Whether the path no longer names the file this run writes (a temporary journal, removed
    /// by its own close, is not gone).
    private var isGone: Bool {
        if wasGoneAtClose.load(ordering: .acquiring) { return true }
        return !removesFileOnClose && !lock.isReleased && !lock.isStillAt(path)
    }

    /// The request entries in the file or on their way to it, without waiting for the writer.
    package var requestCount: Int { requestsBefore.load(ordering: .relaxed) + writer.status.requests }

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
        let key = watchers.add(predicate: { $0.id > id && predicate($0) }, continuation: continuation)
        defer {
            watchers.remove(key)
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

    /// Queues a record without waiting: clock moves, webhook attempts and shop events are few,
    /// and made where nothing can wait.
    package func record(_ record: JournalRecord) {
        writer.appendWithoutWaiting(.other(record), cost: 512)
    }

    /// Queues a request without waiting: the answers to unparseable requests are few, and made
    /// where nothing can wait. The writer redacts it.
    package func recordWithoutWaiting(_ request: ArrivedRequest) {
        writer.appendWithoutWaiting(.request(request), cost: request.queueCost)
    }

    /// Journals a request as it came, with its answer, and runs `answer` when the answer may
    /// be sent: once there is room in the writer's queue and, in the default durability, once
    /// the entry is committed. Never waits: `answer` runs at once in the caller's thread when
    /// the entry may go at once, else later on the writer's thread. The writer redacts the
    /// request, off the response path.
    package func record(_ request: ArrivedRequest, then answer: @escaping @Sendable () -> Void) {
        let cost = request.queueCost
        writer.append(.request(request), cost: cost, untilWritten: durability == .commitBeforeAnswer, then: answer)
    }

    /// Empties every table except the run information and the runs, in order with the records
    /// queued before.
    package func clear() async {
        requestsBefore.store(0, ordering: .relaxed)
        await writer.clear()
    }

    /// Flushes, builds the read indexes (``JournalSchema/readIndexes``), records the run's end
    /// (and its losses) in the file, logs a summary of any loss, moves the whole write-ahead
    /// log into the file and closes it; removes it when the journal was temporary.
    package func close() async {
        await writer.close()
        let status = writer.status
        if !removesFileOnClose {
            do {
                try await pool.write { db in try JournalSchema.createReadIndexes(db) }
            } catch {
                logger.error(
                    "journal \(path): cannot build its indexes: \(JournalWriter.describe(error)); readers still read it, through the table"
                )
            }
        }
        do {
            try await pool.write { [runID] db in
                try db.execute(
                    sql: "UPDATE run SET closed_wall_time = ?, lost_entries = ?, last_error = ? WHERE id = ?",
                    arguments: [Date().timeIntervalSince1970, status.lost, status.lastError, runID]
                )
            }
        } catch {
            logger.error("journal \(path): cannot record the end of the run: \(JournalWriter.describe(error))")
        }
        if status.lost > 0 {
            logger.error(
                "journal \(path): \(status.lost) of \(status.appended) entries lost; last error: \(status.lastError ?? "unknown"). A contract judged on this journal is not a verdict."
            )
        }
        checkpointer.close(unhooking: pool)
        if !removesFileOnClose {
            // The whole log into the file, so that the file alone is the journal (copied as a CI
            // artefact, say): the pool's close would do it only when no reader is left open.
            do {
                try await pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
            } catch {
                logger.warning(
                    "journal \(path): cannot move its write-ahead log into the file: \(JournalWriter.describe(error)); keep \(path)-wal beside it"
                )
            }
        }
        try? pool.close()
        if !removesFileOnClose && !lock.isStillAt(path) {
            wasGoneAtClose.store(true, ordering: .releasing)
            logger.error("\(writerStatus.lastError ?? "")")
        }
        lock.release()
        if removesFileOnClose {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
