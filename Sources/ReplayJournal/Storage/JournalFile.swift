import Foundation
import GRDB

#if canImport(Glibc)
import Glibc
#endif

/// Opening a journal file for writing: a new one, or one that already holds runs (refused,
/// continued or replaced, as ``ReplayServer/ExistingJournal`` says). Every failure names the
/// file and the reason, never a bare SQLite code.
enum JournalFile {
    /// An open file, ready for the writer.
    struct Opened {
        var pool: DatabasePool
        /// The arrival number of the last request already in the file (0 for a new file).
        var lastArrival: Int64
        /// The request entries already in the file.
        var requests: Int
    }

    /// What an existing journal holds, in words for the refusal.
    private struct Contents {
        var requests: Int
        var runs: Int
        var scenario: String?
        var lastStart: Double?
        var lastArrival: Int64

        var summary: String {
            var text = "\(requests) \(requests == 1 ? "request" : "requests")"
            if let scenario { text += " of scenario '\(scenario)'" }
            if runs > 1 { text += " from \(runs) runs" }
            if let lastStart {
                let date = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: lastStart))
                text += runs > 1 ? ", the last started \(date)" : ", started \(date)"
            }
            return text
        }
    }

    /// How long a write waits for another process's lock on the file before its batch is lost.
    /// Answers wait meanwhile (their entries cannot be committed), so this bounds their wait too.
    static let busyTimeout: TimeInterval = 20

    static func open(path: String, scenario: String, existing: ExistingJournal) throws(JournalError) -> Opened {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists, isFolder.boolValue { throw .cannotOpen(path: path, reason: "it is a folder, not a file") }
        try checkFolder(of: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard exists, size > 0 else { return try create(path) }

        guard access(path, R_OK | W_OK) == 0 else {
            throw .cannotOpen(path: path, reason: "permission denied: the file cannot be read and written (\(String(cString: strerror(errno))))")
        }
        guard hasSQLiteHeader(path) else {
            throw .cannotOpen(path: path, reason: "the file exists and is not a SQLite database; tts-replay leaves it as it is")
        }
        let pool = try connect(path)
        let contents: Contents?
        do {
            contents = try pool.read(inspect)
        } catch {
            try? pool.close()
            throw .cannotOpen(path: path, reason: reason(error))
        }
        guard let contents else { return try migrate(pool, path: path, lastArrival: 0, requests: 0) }
        switch existing {
        case .refuse:
            try? pool.close()
            throw .alreadyHolds(path: path, contents: contents.summary)
        case .replace:
            try? pool.close()
            try JournalFileLock.checkFree(path: path)
            for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
                do {
                    try FileManager.default.removeItem(atPath: file)
                } catch {
                    throw .cannotOpen(path: path, reason: "cannot delete \(file) to replace it: \(error.localizedDescription)")
                }
            }
            return try create(path)
        case .continue:
            do {
                try JournalFileLock.checkFree(path: path)
            } catch {
                try? pool.close()
                throw error
            }
            if let held = contents.scenario, held != scenario {
                try? pool.close()
                throw .cannotOpen(
                    path: path,
                    reason: "it holds scenario '\(held)', not '\(scenario)'; only a journal of the same scenario can be continued"
                )
            }
            return try migrate(pool, path: path, lastArrival: contents.lastArrival, requests: contents.requests)
        }
    }

    private static func create(_ path: String) throws(JournalError) -> Opened {
        try migrate(try connect(path), path: path, lastArrival: 0, requests: 0)
    }

    private static func migrate(_ pool: DatabasePool, path: String, lastArrival: Int64, requests: Int) throws(JournalError) -> Opened {
        do {
            try JournalSchema.migrator.migrate(pool)
        } catch {
            try? pool.close()
            throw .cannotOpen(path: path, reason: reason(error))
        }
        return Opened(pool: pool, lastArrival: lastArrival, requests: requests)
    }

    private static func connect(_ path: String) throws(JournalError) -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.prepareDatabase { db in
            // A commit reaches the write-ahead log (the OS's page cache) before an answer is
            // sent; that survives the process being killed. Without fsync on every commit a
            // power loss may lose the last transactions: the price of group commit being cheap.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw .cannotOpen(path: path, reason: reason(error))
        }
    }

    /// Nil for a database with no tables at all (a new journal); throws for one that holds
    /// something else than a journal.
    private static func inspect(_ db: Database) throws -> Contents? {
        guard try db.tableExists("request"), try db.tableExists("run_info") else {
            let tables = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables == 0 { return nil }
            throw NotAJournal()
        }
        if let problem = try JournalSchema.newerFormatProblem(db) { throw NewerFormat(description: problem) }
        let hasRuns = try db.tableExists("run")
        return Contents(
            requests: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request") ?? 0,
            runs: hasRuns ? try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run") ?? 1 : 1,
            scenario: try String.fetchOne(db, sql: "SELECT value FROM run_info WHERE key = 'scenario'"),
            lastStart: hasRuns ? try Double.fetchOne(db, sql: "SELECT MAX(started_wall_time) FROM run") : nil,
            lastArrival: try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM request") ?? 0
        )
    }

    private struct NewerFormat: Error, CustomStringConvertible {
        var description: String
    }

    private struct NotAJournal: Error, CustomStringConvertible {
        var description: String {
            "it is a SQLite database but not a tts-replay journal (it has no request and run_info tables); tts-replay leaves it as it is"
        }
    }

    /// The folder must exist and take new files (SQLite adds `-wal` and `-shm` beside the journal).
    private static func checkFolder(of path: String) throws(JournalError) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
            throw .cannotOpen(path: path, reason: "the folder \(folder) does not exist")
        }
        guard isFolder.boolValue else { throw .cannotOpen(path: path, reason: "\(folder) is not a folder") }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw .cannotOpen(path: path, reason: "permission denied: cannot create files in the folder \(folder)")
        }
    }

    private static func hasSQLiteHeader(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\0".utf8)
    }

    /// The reason in words, from SQLite's code and message.
    private static func reason(_ error: any Error) -> String {
        if let error = error as? NotAJournal { return error.description }
        guard let error = error as? DatabaseError else { return "\(error)" }
        switch error.resultCode {
        case .SQLITE_NOTADB: return "not a SQLite database (or an encrypted or damaged one)"
        case .SQLITE_CORRUPT: return "the database is damaged (\(error.message ?? "corrupt"))"
        case .SQLITE_READONLY: return "the database is read-only (\(error.message ?? "read-only"))"
        case .SQLITE_FULL: return "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED: return "another process holds the database locked"
        case .SQLITE_CANTOPEN: return "SQLite cannot open it (\(String(cString: strerror(errno))))"
        default: return JournalWriter.describe(error)
        }
    }
}
