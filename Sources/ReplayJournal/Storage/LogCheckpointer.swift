import Foundation
import GRDB
import Synchronization

#if canImport(GRDBSQLite)
import GRDBSQLite
#else
import SQLite3
#endif

/// Copies the write-ahead log's pages into the journal file on a connection and a queue of its
/// own, so that a commit, and the answers waiting for it, does not wait for a checkpoint.
///
/// By default SQLite checkpoints in the connection that commits, once the log holds 1,000
/// pages: under load, the commit that crosses the mark waits while the pages are copied (about
/// every hundred commits), and so do the answers of its batch and of the batches queued behind
/// it. Here the writer's connection has a log hook of its own instead: past
/// ``backgroundPages`` it asks this checkpointer, which copies the pages while the writer goes
/// on (a passive checkpoint never blocks a writer). A passive checkpoint cannot start the log
/// over while the writer keeps appending, so past ``writerPages`` the writer checkpoints itself,
/// as SQLite would: what is left to copy is then what the last background checkpoint did not
/// reach, and the log starts over from its beginning. The log's size stays bounded, except while
/// a reader keeps a read transaction open, which holds the log's pages as it does with SQLite's
/// own checkpoints.
final class LogCheckpointer: Sendable {
    /// Log pages past which a commit asks for a background checkpoint: SQLite's own mark.
    static let defaultBackgroundPages: Int32 = 1000
    /// Log pages past which the writer checkpoints in its own connection: 16 MiB of 4 KiB pages.
    static let defaultWriterPages: Int32 = 4000

    /// Log pages past which a commit asks for a background checkpoint.
    let backgroundPages: Int32
    /// Log pages past which the writer checkpoints in its own connection.
    let writerPages: Int32

    private let queue: DatabaseQueue
    private let isScheduled = Atomic(false)
    private let isClosed = Atomic(false)
    private let counts = Mutex(Counts())

    /// What the checkpointer has done, for tests and diagnostics.
    struct Counts: Sendable {
        /// Checkpoints run in the background.
        var background = 0
        /// Checkpoints the writer ran itself, past ``LogCheckpointer/writerPages``.
        var byWriter = 0
        /// The most pages the log held after a commit.
        var mostPages: Int32 = 0
    }

    /// Opens a connection of its own to the journal at `path` and hooks the writer's connection
    /// of `pool`. The hook replaces SQLite's own automatic checkpoint in that connection (the
    /// pool's readers commit nothing). The hook holds the checkpointer until ``close(unhooking:)``:
    /// a journal dropped unclosed, whose writer thread may still commit, leaks it rather than
    /// leaving the hook a freed object.
    init(
        path: String,
        pool: DatabasePool,
        backgroundPages: Int32 = defaultBackgroundPages,
        writerPages: Int32 = defaultWriterPages
    ) throws {
        self.backgroundPages = backgroundPages
        self.writerPages = writerPages
        var configuration = Configuration()
        configuration.label = "journal-checkpointer"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        queue = try DatabaseQueue(path: path, configuration: configuration)
        let context = Unmanaged.passRetained(self).toOpaque()
        pool.writeWithoutTransaction { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, logHook, context)
        }
    }

    var status: Counts { counts.withLock { $0 } }

    /// Called by SQLite in the writer's connection after each commit, with the log's size.
    fileprivate func committed(pages: Int32, connection: OpaquePointer?, database: UnsafePointer<CChar>?) {
        counts.withLock { $0.mostPages = max($0.mostPages, pages) }
        if pages >= writerPages {
            // Busy when the background checkpoint holds the checkpoint lock: the next commit tries again.
            if sqlite3_wal_checkpoint_v2(connection, database, SQLITE_CHECKPOINT_PASSIVE, nil, nil) == SQLITE_OK {
                counts.withLock { $0.byWriter += 1 }
            }
        } else if pages >= backgroundPages, isScheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged {
            queue.asyncWriteWithoutTransaction { [self] db in
                // A failed background checkpoint leaves the pages to the next one, or to the writer's.
                if (try? db.checkpoint(.passive)) != nil {
                    counts.withLock { $0.background += 1 }
                }
                isScheduled.store(false, ordering: .releasing)
            }
        }
    }

    /// Unhooks the writer's connection and waits for a running checkpoint; the pool's close
    /// then checkpoints what is left.
    func close(unhooking pool: DatabasePool) {
        guard !isClosed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        pool.writeWithoutTransaction { db in
            _ = sqlite3_wal_hook(db.sqliteConnection, nil, nil)
        }
        // No commit calls the hook any more: the reference it held goes.
        Unmanaged.passUnretained(self).release()
        try? queue.close()
    }
}

/// The writer connection's log hook: `context` is its ``LogCheckpointer``, retained until it
/// unhooks the connection.
private func logHook(
    context: UnsafeMutableRawPointer?,
    connection: OpaquePointer?,
    database: UnsafePointer<CChar>?,
    pages: Int32
) -> Int32 {
    guard let context else { return SQLITE_OK }
    Unmanaged<LogCheckpointer>.fromOpaque(context).takeUnretainedValue()
        .committed(pages: pages, connection: connection, database: database)
    return SQLITE_OK
}
