import Foundation
import GRDB

/// A second connection to a server's journal file, getting in the writer's way the way real
/// trouble does: another process holding the write lock, or every insert failing as on a full
/// disk (a trigger that raises, which SQLite runs inside the writer's own transaction).
final class JournalTamper: Sendable {
    private let queue: DatabaseQueue

    /// The error message every failed insert carries once ``failEveryInsert()`` ran.
    static let injectedError = "database or disk is full (injected by a test)"

    init(path: String) throws {
        var configuration = Configuration()
        // The lock is held across calls on purpose.
        configuration.allowsUnsafeTransactions = true
        configuration.busyMode = .timeout(10)
        self.queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    /// Makes every insert into the request table fail from now on.
    func failEveryInsert() throws {
        try queue.inDatabase { db in
            try db.execute(
                sql: "CREATE TRIGGER tamper_fail_insert BEFORE INSERT ON request BEGIN SELECT RAISE(ABORT, '\(Self.injectedError)'); END"
            )
        }
    }

    /// Takes the file's write lock and keeps it until ``releaseWriteLock()``: the server's
    /// writer then waits (up to its busy timeout) for it.
    func holdWriteLock() async throws {
        try await offThePool { [queue] in try queue.inDatabase { try $0.execute(sql: "BEGIN IMMEDIATE") } }
    }

    /// Gives the write lock back.
    func releaseWriteLock() async throws {
        try await offThePool { [queue] in try queue.inDatabase { try $0.execute(sql: "COMMIT") } }
    }

    /// The value of one SQL query on the file, such as a count.
    func integer(_ sql: String) throws -> Int {
        try queue.inDatabase { try Int.fetchOne($0, sql: sql) ?? 0 }
    }
}
