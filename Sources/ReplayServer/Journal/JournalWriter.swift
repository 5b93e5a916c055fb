import GRDB
import Logging
import Synchronization

/// Writes journal entries in batches on a background task, so that no request waits for SQLite.
///
/// `append` only takes a lock and rings a doorbell; the writer task drains whatever has
/// accumulated in one transaction. `flush` waits until everything appended before it is on disk.
final class JournalWriter: Sendable {
    /// The queue and counters, in a class so the writer task can share them.
    private final class SharedState: Sendable {
        let mutex = Mutex(State())

        func withLock<R>(_ body: (inout State) -> R) -> R {
            mutex.withLock { body(&$0) }
        }
    }

    private struct State {
        var pending: [JournalRecord] = []
        var appended = 0
        var written = 0
        var failures = 0
        var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let pool: DatabasePool
    private let logger: Logger
    private let state = SharedState()
    private let doorbell: AsyncStream<Void>.Continuation
    private let task: Task<Void, Never>

    init(pool: DatabasePool, logger: Logger) {
        self.pool = pool
        self.logger = logger
        let (stream, doorbell) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.doorbell = doorbell
        let state = self.state
        self.task = Task {
            for await _ in stream {
                await Self.drain(state: state, pool: pool, logger: logger)
            }
            await Self.drain(state: state, pool: pool, logger: logger)
        }
    }

    /// Queues a record; returns at once.
    func append(_ entry: JournalRecord) {
        state.withLock {
            $0.pending.append(entry)
            $0.appended += 1
        }
        doorbell.yield()
    }

    /// How many batches failed to write (each failure is also logged).
    var failures: Int { state.withLock(\.failures) }

    /// Waits until every entry appended before this call is written.
    func flush() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = state.withLock { state -> Bool in
                if state.written >= state.appended { return true }
                state.waiters.append((state.appended, continuation))
                return false
            }
            if done {
                continuation.resume()
            } else {
                doorbell.yield()
            }
        }
    }

    /// Writes what is left and stops the writer task.
    func close() async {
        doorbell.finish()
        await task.value
    }

    private static func drain(state: SharedState, pool: DatabasePool, logger: Logger) async {
        while true {
            let batch = state.withLock { state -> [JournalRecord] in
                defer { state.pending.removeAll(keepingCapacity: true) }
                return state.pending
            }
            if batch.isEmpty { return }
            var failed = false
            do {
                try await pool.write { db in
                    for record in batch {
                        switch record {
                        case .request(let entry): try RequestTable.insert(entry, into: db)
                        case .webhookDelivery(let delivery): try WebhookDeliveryTable.insert(delivery, into: db)
                        case .clockMove(let move): try ClockMoveTable.insert(move, into: db)
                        case .shopEvent(let event): try ShopEventTable.insert(event, into: db)
                        }
                    }
                }
            } catch {
                failed = true
                logger.error("journal: could not write \(batch.count) entries: \(error)")
            }
            let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
                state.written += batch.count
                if failed { state.failures += 1 }
                let written = state.written
                let ready = state.waiters.filter { $0.target <= written }.map(\.continuation)
                state.waiters.removeAll { $0.target <= written }
                return ready
            }
            for continuation in ready { continuation.resume() }
        }
    }
}
