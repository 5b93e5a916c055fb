import GRDB

/// One server run on a journal file, as the `run` table keeps it: a continued journal has several.
public struct JournalRun: Sendable, Hashable {
    /// The run's number in the file, from 1.
    public var id: Int64
    /// The scenario it ran.
    public var scenario: String
    /// When it started, wall clock, Unix seconds.
    public var startedWallTime: Double
    /// When it closed the journal cleanly; nil while it runs, or when it was killed.
    public var closedWallTime: Double?
    /// The arrival number of its first request.
    public var firstArrival: Int64
    /// `commit-before-answer` or `answer-before-commit` (``ReplayServer/JournalDurability``).
    public var durability: String
    /// Entries it could not write, as its writer counted them.
    public var lostEntries: Int
    /// The last write error, if any.
    public var lastError: String?

    /// Whether the run closed the journal (and so wrote its final loss count).
    public var closedCleanly: Bool { closedWallTime != nil }
}

/// How a `JournalRun` is read from the `run` table.
enum RunTable {
    static func fetchAll(_ db: Database) throws -> [JournalRun] {
        guard try db.tableExists("run") else { return [] }
        return try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id").map { row in
            JournalRun(
                id: row["id"],
                scenario: row["scenario"],
                startedWallTime: row["started_wall_time"],
                closedWallTime: row["closed_wall_time"],
                firstArrival: row["first_arrival"],
                durability: row["durability"],
                lostEntries: row["lost_entries"],
                lastError: row["last_error"]
            )
        }
    }
}

/// Whether a journal holds everything its runs answered, as far as the file can tell.
public struct JournalIntegrity: Sendable, Hashable {
    /// Entries the runs' writers could not write (their own count).
    public var lostEntries: Int
    /// The last write error any run recorded.
    public var lastError: String?
    /// Arrival numbers up to the last entry's that have no entry: requests answered and not
    /// journaled, whether or not a writer could count them (a full disk fails the count too).
    public var missingArrivals: Int
    /// Runs that did not close cleanly: still running, killed, or unable to write their end
    /// (a full disk). Their webhook attempts, clock moves and shop events are queued without
    /// waiting in either mode, as are the requests in the answer-before-commit mode, and a
    /// write that failed after the last one counted leaves no trace: any of these may be missing.
    public var unclosedRuns: Int

    /// Why a contract judged on the journal would not be a verdict; nil when nothing says so.
    public var problem: String? {
        var problems: [String] = []
        if lostEntries > 0 {
            problems.append("it lost \(lostEntries) \(lostEntries == 1 ? "entry" : "entries") (last error: \(lastError ?? "unknown"))")
        }
        if missingArrivals > 0 {
            problems.append("\(missingArrivals) arrival \(missingArrivals == 1 ? "number has" : "numbers have") no entry")
        }
        if unclosedRuns > 0 {
            problems.append(
                "\(unclosedRuns == 1 ? "a run" : "\(unclosedRuns) runs") did not close cleanly (still running, killed, or unable to write its end), so its last webhook attempts, events or entries may be missing; judge a running server with GET /__admin/contract"
            )
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    static func read(_ db: Database) throws -> JournalIntegrity {
        let runs = try RunTable.fetchAll(db)
        let row = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS count, MAX(id) AS last FROM request")
        let count: Int = row?["count"] ?? 0
        let last: Int64 = row?["last"] ?? 0
        return JournalIntegrity(
            lostEntries: runs.reduce(0) { $0 + $1.lostEntries },
            lastError: runs.last(where: { $0.lastError != nil })?.lastError,
            missingArrivals: max(0, Int(last) - count),
            unclosedRuns: runs.filter { !$0.closedCleanly }.count
        )
    }
}
