import Foundation
import GRDB
import Logging
import Synchronization

/// Writes journal records in batches on a thread of its own: whatever accumulated while the
/// last batch was redacted and written goes into the next one, so many answers share one commit.
///
/// Requests come as they arrived, secrets still in them (``ArrivedRequest``): the writer
/// redacts each one, in the order they were queued, builds its columns and shows it to the
/// journal's watchers before it writes the batch. The request path only queues references.
///
/// The thread sleeps on a semaphore while the queue is empty; an append wakes it only when it
/// sleeps. It redacts, writes (GRDB's synchronous write, which runs on the calling thread when
/// no other write holds the file) and settles each batch itself: no task, continuation or
/// queue hop per batch, which cost more than the batch's inserts under load.
///
/// The queue is bounded (``ReplayServer/JournalQueueLimit``): an append that finds it full
/// waits, suspended, until the writer has made room. A record that cannot be written is
/// counted as lost, with the error; the first loss is logged, the rest are counted.
package final class JournalWriter: Sendable {
    /// What the writer holds and has done, read without waiting for it.
    package struct Status: Sendable {
        /// Entries appended and not yet written (including the batch being written).
        package var queuedEntries: Int
        /// Their bytes, as ``ArrivedRequest/queueCost`` counts them.
        package var queuedBytes: Int
        /// Appends waiting for room in the queue.
        package var waitingForRoom: Int
        /// Records appended since the writer started (written, queued or lost).
        package var appended: Int
        /// Records that could not be written.
        package var lost: Int
        /// The last write error, if any.
        package var lastError: String?
        /// Request entries in the file or on their way to it (not lost), since the last clear.
        var requests: Int
    }

    /// What the queue holds.
    package enum Work: Sendable {
        /// A request as it came, to redact.
        case request(ArrivedRequest)
        /// Anything but a request.
        case other(JournalRecord)
        /// Empty every table but the run information, in order with the records around it.
        case clear
    }

    private struct Queued: Sendable {
        var work: Work
        var cost: Int
    }

    /// What runs when a waiter may go on: resumes a suspended append, or sends an answer.
    package typealias Resume = @Sendable () -> Void

    private struct Waiter {
        var queued: Queued
        var resume: Resume
        /// Whether the waiter also waits for its record to be written.
        var untilWritten: Bool
    }

    private struct State {
        var pending: [Queued] = []
        var waiting: [Waiter] = []
        var queuedEntries = 0
        var queuedBytes = 0
        /// Sequence number of the last record admitted to the queue.
        var admitted = 0
        /// Records written or lost, in sequence order.
        var settled = 0
        var lost = 0
        package var lastError: String?
        var requests = 0
        /// Sorted by target, as sequence numbers are handed out in order.
        var writtenWaiters: [(target: Int, resume: Resume)] = []
        var isClosed = false
        var hasLoggedLoss = false
        /// Whether the writer thread was woken and has not yet found the queue empty: while it
        /// is, an append does not ring again (a ring wakes the thread, which costs more than
        /// the append).
        var writerIsAwake = false
        /// Whether the writer thread is asked to stop once the queue is empty.
        var isStopping = false
        /// Whether the writer thread has stopped.
        var hasStopped = false
        /// Who waits for the thread to stop.
        var stopWaiters: [Resume] = []

        /// Whether an append must wake the writer; it is awake from then on.
        mutating func ring() -> Bool {
            defer { writerIsAwake = true }
            return !writerIsAwake
        }

        func hasRoom(for cost: Int, within limit: JournalQueueLimit) -> Bool {
            queuedEntries < limit.entries && (queuedEntries == 0 || queuedBytes + cost <= limit.bytes)
        }

        mutating func admit(_ queued: consuming Queued) -> Int {
            switch queued.work {
            case .request: requests += 1
            case .clear: requests = 0
            case .other: break
            }
            queuedEntries += 1
            queuedBytes += queued.cost
            admitted += 1
            pending.append(queued)
            return admitted
        }
    }

    /// Where the writer writes and what it works with: given once, never changed.
    struct Setup: Sendable {
        let pool: DatabasePool
        /// The journal file, for messages.
        let path: String
        /// The run information row, updated at stop; nil for a journal opened to read.
        let runID: Int64?
        let limit: JournalQueueLimit
        let logger: Logger
        /// What redacts requests before they are written.
        let redactor: JournalRedactor
        /// Who is shown each request entry once it is redacted.
        let watchers: JournalWatchers
    }

    /// What the writer thread and the callers share.
    private final class Context: Sendable {
        let setup: Setup
        let state = Mutex(State())
        /// Rung when the sleeping writer has work, or is asked to stop.
        let bell = DispatchSemaphore(value: 0)
        let hashes = SharedBodyHashes()
        /// The hashes of the shared bodies the file holds, as far as the writer knows.
        let storedBodies = Mutex<Set<String>>([])

        init(_ setup: Setup) {
            self.setup = setup
        }
    }

    private let context: Context

    init(_ setup: Setup) {
        let context = Context(setup)
        self.context = context
        let thread = Thread {
            // Named from inside: on Linux, Foundation does not pass `Thread.name` to the
            // system, and the thread kept the name of the one that started it.
            CLibrary.nameThisThread(Self.threadName)
            Self.run(context)
        }
        thread.start()
    }

    /// The name of the writer's thread, as `top -H`, `perf` and `/proc` show it.
    package static let threadName = "journal-writer"

    /// A writer dropped without ``close()`` still lets its thread end, once the queue is empty.
    deinit {
        context.state.withLock { $0.isStopping = true }
        context.bell.signal()
    }

    /// Queues a record, waiting for room when the queue is full; with `untilWritten`, returns
    /// only once the record is written (or counted lost).
    package func append(_ work: Work, cost: Int, untilWritten: Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            enqueue(Queued(work: work, cost: cost), untilWritten: untilWritten) { continuation.resume() }
        }
    }

    /// Queues a record and runs `resume` when the answer may go: at once when the queue has
    /// room (in the caller's thread), else once the writer has made room; with `untilWritten`,
    /// once the record is written (or counted lost), on the writer's thread. Never waits.
    package func append(_ work: consuming Work, cost: Int, untilWritten: Bool, then resume: @escaping Resume) {
        enqueue(Queued(work: work, cost: cost), untilWritten: untilWritten, then: resume)
    }

    /// Queues a record without waiting, even past the bound: for the few records made where
    /// nothing can wait (clock moves, webhook attempts, shop events, unparseable requests).
    func appendWithoutWaiting(_ work: Work, cost: Int) {
        let rings = context.state.withLock { state -> Bool in
            if state.isClosed {
                state.lost += 1
                state.lastError = "the journal was already closed"
                return false
            }
            _ = state.admit(Queued(work: work, cost: cost))
            return state.ring()
        }
        if rings { context.bell.signal() }
    }

    /// Empties every table but the run information, after the records queued before it.
    package func clear() async {
        await append(.clear, cost: 0, untilWritten: true)
    }

    /// What the writer holds and has done; never waits for it.
    var status: Status {
        context.state.withLock { state in
            Status(
                queuedEntries: state.queuedEntries,
                queuedBytes: state.queuedBytes,
                waitingForRoom: state.waiting.count,
                appended: state.admitted + state.waiting.count,
                lost: state.lost,
                lastError: state.lastError,
                requests: max(0, state.requests)
            )
        }
    }

    /// Waits until every record queued before this call is written or counted lost.
    func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = context.state.withLock { state -> Bool in
                if state.isClosed || state.settled >= state.admitted { return true }
                state.writtenWaiters.append((state.admitted, { continuation.resume() }))
                return false
            }
            if done {
                continuation.resume()
            } else {
                context.bell.signal()
            }
        }
    }

    /// Writes what is queued and stops the writer thread. Whatever arrives later is counted lost.
    package func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let stopped = context.state.withLock { state -> Bool in
                if state.hasStopped { return true }
                state.isStopping = true
                state.stopWaiters.append { continuation.resume() }
                return false
            }
            if stopped { continuation.resume() } else { context.bell.signal() }
        }
        let stranded = context.state.withLock { state -> [Resume] in
            state.isClosed = true
            let left = state.pending.count + state.waiting.count
            if left > 0 {
                state.lost += left
                state.lastError = "the journal closed with \(left) entries not written"
            }
            let stranded = state.waiting.map(\.resume) + state.writtenWaiters.map(\.resume)
            state.pending.removeAll()
            state.waiting.removeAll()
            state.writtenWaiters.removeAll()
            return stranded
        }
        for resume in stranded { resume() }
    }

    private func enqueue(_ queued: consuming Queued, untilWritten: Bool, then resume: @escaping Resume) {
        let limit = context.setup.limit
        let cost = queued.cost
        // Moved into the queue, not copied.
        var item = Optional(queued)
        let (resumesNow, rings) = context.state.withLock { state -> (Bool, Bool) in
            if state.isClosed {
                state.lost += 1
                state.lastError = "the journal was already closed"
                return (true, false)
            }
            let queued = item.take()!  // the lock's closure runs once
            if state.waiting.isEmpty, state.hasRoom(for: cost, within: limit) {
                let sequence = state.admit(queued)
                if untilWritten { state.writtenWaiters.append((sequence, resume)) }
                return (!untilWritten, state.ring())
            }
            state.waiting.append(Waiter(queued: queued, resume: resume, untilWritten: untilWritten))
            return (false, state.ring())
        }
        if rings { context.bell.signal() }
        if resumesNow { resume() }
    }

    /// The writer thread: sleeps until rung, then writes what is queued until nothing is, and
    /// ends once asked to stop with nothing left.
    private static func run(_ context: Context) {
        while true {
            context.bell.wait()
            drain(context)
            let stopWaiters = context.state.withLock { state -> [Resume]? in
                guard state.isStopping, state.pending.isEmpty else { return nil }
                state.hasStopped = true
                defer { state.stopWaiters.removeAll() }
                return state.stopWaiters
            }
            if let stopWaiters {
                for resume in stopWaiters { resume() }
                return
            }
        }
    }

    /// Redacts, writes and settles batches, in order, until the queue is empty.
    private static func drain(_ context: Context) {
        while true {
            let batch = context.state.withLock { state -> [Queued] in
                // Found empty, the writer goes back to sleep: the next append rings.
                if state.pending.isEmpty { state.writerIsAwake = false }
                defer { state.pending.removeAll(keepingCapacity: true) }
                return state.pending
            }
            if batch.isEmpty { return }
            settle(batch, write(prepared(batch, context), context), context)
        }
    }

    /// Counts a written batch, admits the appends waiting for room and resumes those waiting for it.
    private static func settle(_ batch: [Queued], _ outcome: Outcome, _ context: Context) {
        var resumed: [Resume] = []
        let logsLoss = context.state.withLock { state -> Bool in
            state.settled += batch.count
            state.queuedEntries -= batch.count
            state.queuedBytes -= batch.reduce(0) { $0 + $1.cost }
            state.lost += outcome.lost
            state.requests -= outcome.lostRequests
            if let error = outcome.error { state.lastError = error }
            while let first = state.waiting.first, state.hasRoom(for: first.queued.cost, within: context.setup.limit) {
                state.waiting.removeFirst()
                let sequence = state.admit(first.queued)
                if first.untilWritten {
                    state.writtenWaiters.append((sequence, first.resume))
                } else {
                    resumed.append(first.resume)
                }
            }
            let settled = state.settled
            let ready = state.writtenWaiters.prefix(while: { $0.target <= settled })
            resumed += ready.map(\.resume)
            state.writtenWaiters.removeFirst(ready.count)
            defer { if outcome.lost > 0 { state.hasLoggedLoss = true } }
            return outcome.lost > 0 && !state.hasLoggedLoss
        }
        for resume in resumed { resume() }
        if outcome.lost > 0 {
            if logsLoss {
                context.setup.logger.error(
                    "journal \(context.setup.path): cannot write \(outcome.lost) \(outcome.lost == 1 ? "entry" : "entries"): \(outcome.error ?? "unknown error"). They are counted as lost (GET /__admin/health); further losses are counted, not logged, and summed up at stop."
                )
            }
            recordLoss(context)
        }
    }

    private struct Outcome {
        package var lost = 0
        var lostRequests = 0
        var error: String?
    }

    /// A record ready to insert: a request redacted, with the hash of its answer's shared part
    /// when that is stored once.
    private enum Row {
        case request(PendingRequest, sharedHash: String?)
        case other(JournalRecord)
        case clear

        var isRequest: Bool {
            if case .request = self { true } else { false }
        }
    }

    /// The batch ready to insert, in queue order: requests redacted (the redactor follows
    /// credentials in that order) and shown to the watchers.
    private static func prepared(_ batch: [Queued], _ context: Context) -> [Row] {
        batch.map { queued in
            let arrived: ArrivedRequest
            switch queued.work {
            case .request(let request): arrived = request
            case .other(let record): return .other(record)
            case .clear: return .clear
            }
            let request = context.setup.redactor.redact(arrived)
            context.setup.watchers.show(request)
            let shared = request.answer.shared
            return .request(request, sharedHash: shared.count >= BodyTable.minimumSharedBytes ? context.hashes.hash(of: shared) : nil)
        }
    }

    /// One transaction for the batch; when an entry of its own makes it fail (a constraint, a
    /// value too big), the entries are tried one by one so that it does not take the others with it.
    private static func write(_ batch: [Row], _ context: Context) -> Outcome {
        let known = context.storedBodies.withLock { $0 }
        do {
            let stored = try context.setup.pool.write { db in
                var stored = known
                let statement = try RequestTable.insertStatement(in: db)
                for row in batch { try insert(row, into: db, with: statement, storedBodies: &stored) }
                return stored
            }
            context.storedBodies.withLock { $0 = stored }
            return Outcome()
        } catch {
            // The transaction rolled back: which shared bodies the file holds is asked again.
            context.storedBodies.withLock { $0.removeAll() }
            guard batch.count > 1, isEntryError(error) else {
                return Outcome(lost: batch.count, lostRequests: batch.count(where: \.isRequest), error: describe(error))
            }
        }
        var outcome = Outcome()
        for row in batch {
            do {
                try context.setup.pool.write { db in
                    var unknown: Set<String> = []
                    try insert(row, into: db, with: RequestTable.insertStatement(in: db), storedBodies: &unknown)
                }
            } catch {
                outcome.lost += 1
                if row.isRequest { outcome.lostRequests += 1 }
                outcome.error = describe(error)
            }
        }
        return outcome
    }

    /// Inserts a row; `storedBodies` holds the hashes of the shared bodies the file is known
    /// to hold (a hot answer is then not looked up for every entry); `statement` is
    /// ``RequestTable/insertStatement(in:)``, prepared once per batch.
    private static func insert(_ row: Row, into db: Database, with statement: Statement, storedBodies: inout Set<String>) throws {
        switch row {
        case .request(let request, let sharedHash):
            let isStored = sharedHash.map { storedBodies.contains($0) } ?? false
            try RequestTable.insert(request, sharedHash: sharedHash, sharedIsStored: isStored, into: db, with: statement)
            if let sharedHash, !isStored {
                if storedBodies.count >= Self.storedBodiesRemembered { storedBodies.removeAll() }
                storedBodies.insert(sharedHash)
            }
        case .other(.webhookDelivery(let delivery)): try WebhookDeliveryTable.insert(delivery, into: db)
        case .other(.clockMove(let move)): try ClockMoveTable.insert(move, into: db)
        case .other(.shopEvent(let event)): try ShopEventTable.insert(event, into: db)
        case .clear:
            for table in JournalSchema.tables { try db.execute(sql: "DELETE FROM \(table)") }
            storedBodies.removeAll()
        }
    }

    /// How many shared bodies' hashes are remembered as stored; past it they are forgotten all at once.
    static let storedBodiesRemembered = 4096

    /// Whether an error belongs to one entry rather than to the file (full, locked, read-only).
    private static func isEntryError(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        return [.SQLITE_CONSTRAINT, .SQLITE_TOOBIG, .SQLITE_MISMATCH].contains(error.resultCode)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        return "\(error.message ?? "SQLite error \(error.resultCode.rawValue)") (SQLite code \(error.extendedResultCode.rawValue))"
    }

    /// Keeps the run's loss counter in the file, so that a reader in another process knows.
    /// Best effort: on a full disk this write fails too, and the count is written at close.
    private static func recordLoss(_ context: Context) {
        guard let runID = context.setup.runID else { return }
        let (lost, error) = context.state.withLock { ($0.lost, $0.lastError) }
        try? context.setup.pool.write { db in
            try db.execute(sql: "UPDATE run SET lost_entries = ?, last_error = ? WHERE id = ?", arguments: [lost, error, runID])
        }
    }
}

/// The hashes of shared answer parts, by the identity of their storage: a hot answer is hashed
/// once.
final class SharedBodyHashes: Sendable {
    private let known = Mutex(SharedPartMemory<String>(maxEntries: 1024, maxBytes: 64 << 20))

    func hash(of bytes: [UInt8]) -> String {
        if let hash = known.withLock({ $0[bytes] }) { return hash }
        let hash = BodyTable.hash(bytes)
        known.withLock { $0.remember(hash, for: bytes) }
        return hash
    }
}
