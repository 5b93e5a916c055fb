public import Foundation
import GRDB
import Scenarios

/// Reads a journal file: the whole of it, by operation, or by scenario time.
///
/// Works on the journal of a running in-process server and on a file written by another
/// process (`tts-replay serve --journal PATH`), even while that process is still writing.
///
/// ```swift
/// let reader = try JournalReader(path: "/tmp/run.sqlite")
/// let searches = try await reader.entries(operation: "search_products")
/// ```
public struct JournalReader: Sendable {
    private let database: any DatabaseReader

    /// Opens a journal file read-only.
    ///
    /// - Throws: `JournalError.cannotOpen` when the file is missing or not a tts-replay journal.
    public init(path: String) throws(JournalError) {
        // A FIFO would block the open for ever; a folder would read as "disk I/O error".
        if let problem = TextFile.problem(atPath: path) { throw .cannotOpen(path: path, reason: problem) }
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            let isJournal = try pool.read { db in try db.tableExists("request") && db.tableExists("run_info") }
            guard isJournal else { throw JournalError.cannotOpen(path: path, reason: "not a tts-replay journal") }
            if let problem = try pool.read(JournalSchema.newerFormatProblem) { throw JournalError.cannotOpen(path: path, reason: problem) }
            self.database = pool
        } catch let error as JournalError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    init(database: any DatabaseReader) {
        self.database = database
    }

    /// Every entry, in arrival order.
    public func entries() async throws -> [JournalEntry] {
        try await database.read { db in try RequestTable.fetchAll(db) }
    }

    /// The entries of one operation (`get_categories`, ...), in arrival order.
    public func entries(operation: String) async throws -> [JournalEntry] {
        try await database.read { db in
            try RequestTable.fetchAll(db, where: "operation = ?", arguments: [operation])
        }
    }

    /// The entries one kind of answerer answered (`.nearMiss`, `.cassette`, ...), in arrival order.
    public func entries(answeredBy answerer: JournalEntry.Answerer) async throws -> [JournalEntry] {
        try await database.read { db in
            try RequestTable.fetchAll(db, where: "answered_by = ?", arguments: [answerer.rawValue])
        }
    }

    /// The entries that arrived within a span of scenario time (bounds included), in arrival order.
    public func entries(scenarioTimeFrom start: Date, to end: Date) async throws -> [JournalEntry] {
        let from = Int64(start.timeIntervalSince1970.rounded(.down))
        let to = Int64(end.timeIntervalSince1970.rounded(.down))
        return try await database.read { db in
            try RequestTable.fetchAll(db, where: "scenario_time BETWEEN ? AND ?", arguments: [from, to])
        }
    }

    /// The entries after a given id (of one operation, when given), at most `limit` of them:
    /// a cursor for following a journal.
    public func entries(after id: Int64, limit: Int, operation: String? = nil) async throws -> [JournalEntry] {
        try await database.read { db in
            if let operation {
                return try RequestTable.fetchAll(db, where: "id > ? AND operation = ?", arguments: [id, operation], limit: limit)
            }
            return try RequestTable.fetchAll(db, where: "id > ?", arguments: [id], limit: limit)
        }
    }

    /// Every webhook delivery attempt, in order.
    public func webhookDeliveries() async throws -> [WebhookDeliveryRecord] {
        try await database.read { db in try WebhookDeliveryTable.fetchAll(db) }
    }

    /// Every move of the scenario clock, in order.
    public func clockMoves() async throws -> [ClockMove] {
        try await database.read { db in try ClockMoveTable.fetchAll(db) }
    }

    /// Every shop event, in order.
    public func shopEvents() async throws -> [ShopEvent] {
        try await database.read { db in try ShopEventTable.fetchAll(db) }
    }

    /// The number of requests journaled.
    public func count() async throws -> Int {
        try await database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request") ?? 0 }
    }

    /// The server runs the file holds, in order: one, or several for a continued journal.
    public func runs() async throws -> [JournalRun] {
        try await database.read { db in try RunTable.fetchAll(db) }
    }

    /// Whether the file holds everything its runs answered, as far as it can tell: the runs'
    /// loss counters, arrival numbers without an entry, runs that could lose entries unseen.
    public func integrity() async throws -> JournalIntegrity {
        try await database.read { db in try JournalIntegrity.read(db) }
    }

    /// What the journal says about its run: scenario name, seed, clock start, format version.
    public func runInfo() async throws -> [String: String] {
        try await database.read { db in
            try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM run_info").map { ($0["key"] as String, $0["value"] as String) }
            )
        }
    }
}

/// Why a journal could not be opened, or cannot be trusted.
public enum JournalError: Error, Sendable, CustomStringConvertible {
    /// The file is missing, unreadable, not a journal, or in a folder that cannot take it.
    case cannotOpen(path: String, reason: String)
    /// The file already holds a run, and the server was not told to continue or replace it.
    case alreadyHolds(path: String, contents: String)
    /// The journal lacks entries for requests that were answered.
    case incomplete(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open journal \(path): \(reason)"
        case .alreadyHolds(let path, let contents):
            """
            journal \(path) already holds \(contents); tts-replay will not write over it. \
            Pass --existing-journal continue to add this run after its last entry, \
            or --existing-journal replace to start the file afresh \
            (in Swift: ReplayServer.Configuration.existingJournal), or choose another file.
            """
        case .incomplete(let path, let reason): "journal \(path) is incomplete: \(reason); a contract judged on it is not a verdict"
        }
    }
}
