import GRDB

/// A move of the scenario clock, as the journal keeps it.
public struct ClockMove: Sendable, Hashable, Codable {
    /// When the move was asked for, wall clock, Unix seconds with fractions.
    public var wallTime: Double
    /// The scenario time before the move, Unix seconds.
    public var fromTime: Int64
    /// The scenario time after the move, Unix seconds.
    public var toTime: Int64
    /// Who moved it: `swift`, `admin`, `reset`.
    public var reason: String

    /// Creates a value from its parts.
    package init(
        wallTime: Double,
        fromTime: Int64,
        toTime: Int64,
        reason: String
    ) {
        self.wallTime = wallTime
        self.fromTime = fromTime
        self.toTime = toTime
        self.reason = reason
    }
}

/// How a `ClockMove` is stored in the `clock_move` table.
enum ClockMoveTable {
    static func insert(_ move: ClockMove, into db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO clock_move (wall_time, from_time, to_time, reason) VALUES (?, ?, ?, ?)")
            .execute(arguments: [move.wallTime, move.fromTime, move.toTime, move.reason])
    }

    static func fetchAll(_ db: Database) throws -> [ClockMove] {
        try Row.fetchAll(db, sql: "SELECT * FROM clock_move ORDER BY id").map { row in
            ClockMove(wallTime: row["wall_time"], fromTime: row["from_time"], toTime: row["to_time"], reason: row["reason"])
        }
    }
}
