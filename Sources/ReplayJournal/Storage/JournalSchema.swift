import GRDB

/// The journal's tables, created by named migrations so that later versions can add to them.
package enum JournalSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run_info") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.create(table: "request") { table in
                table.primaryKey("id", .integer)
                table.column("request_id", .text).notNull()
                table.column("wall_time", .double).notNull()
                table.column("scenario_time", .integer).notNull()
                table.column("method", .text).notNull()
                table.column("path", .text).notNull()
                table.column("query", .text).notNull()
                table.column("headers", .text).notNull()
                table.column("body", .blob).notNull()
                table.column("operation", .text).indexed()
                table.column("shop_cipher", .text)
                table.column("answered_by", .text).notNull()
                table.column("failed_checks", .text).notNull()
                table.column("response_status", .integer).notNull()
                table.column("response_code", .integer)
                table.column("response_headers", .text).notNull()
                table.column("response_body", .blob).notNull()
                table.column("duration_microseconds", .integer).notNull()
            }
            try db.create(index: "request_scenario_time", on: "request", columns: ["scenario_time"])
            try db.create(table: "webhook_delivery") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("notification_id", .text).notNull().indexed()
                table.column("event_type", .integer).notNull()
                table.column("shop_id", .text).notNull()
                table.column("target", .text).notNull()
                table.column("attempt", .integer).notNull()
                table.column("payload", .blob).notNull()
                table.column("signature", .text).notNull()
                table.column("is_forged", .boolean).notNull()
                table.column("is_duplicate", .boolean).notNull()
                table.column("scenario_time", .integer).notNull()
                table.column("wall_time", .double).notNull()
                table.column("latency_microseconds", .integer)
                table.column("response_status", .integer)
                table.column("error", .text)
                table.column("outcome", .text).notNull()
            }
            try db.create(table: "clock_move") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("wall_time", .double).notNull()
                table.column("from_time", .integer).notNull()
                table.column("to_time", .integer).notNull()
                table.column("reason", .text).notNull()
            }
            try db.create(table: "shop_event") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("scenario_time", .integer).notNull()
                table.column("wall_time", .double).notNull()
                table.column("kind", .text).notNull().indexed()
                table.column("product_id", .text)
                table.column("details", .text).notNull()
            }
        }
        migrator.registerMigration("v2: who answered") { db in
            try db.alter(table: "request") { table in
                table.add(column: "answered_from", .text)
            }
        }
        migrator.registerMigration("v3: runs and shared bodies") { db in
            // One row per server run on the file: a continued journal has several; the loss
            // counter and the clean close tell a reader in another process whether to trust it.
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("scenario", .text).notNull()
                table.column("started_wall_time", .double).notNull()
                table.column("closed_wall_time", .double)
                table.column("first_arrival", .integer).notNull()
                table.column("durability", .text).notNull()
                table.column("lost_entries", .integer).notNull().defaults(to: 0)
                table.column("last_error", .text)
            }
            // A large answer shared by many entries, once: `request.response_body` then holds the
            // bytes around it, and `response_body_offset` where it goes.
            try db.create(table: "body", options: .withoutRowID) { table in
                table.primaryKey("hash", .text)
                table.column("bytes", .blob).notNull()
            }
            try db.alter(table: "request") { table in
                table.add(column: "response_body_hash", .text)
                table.add(column: "response_body_offset", .integer)
            }
        }
        migrator.registerMigration("v4: exact scenario time") { db in
            // Unix seconds with fractions: the integer column keeps its meaning for older readers.
            try db.alter(table: "request") { table in
                table.add(column: "scenario_seconds", .double)
            }
        }
        return migrator
    }

    /// The indexes readers use on the request table (by operation, by scenario time). They cost
    /// every insert a page or two of the write-ahead log, so a run drops them when it opens the
    /// file for writing and builds them again when it closes: during a run, a query by operation
    /// or time reads the table through (linear in its entries); after it, it uses them.
    static let readIndexes: [(name: String, column: String)] = [
        ("request_on_operation", "operation"),
        ("request_scenario_time", "scenario_time"),
    ]

    /// Drops the request table's read indexes, for a run's writes.
    static func dropReadIndexes(_ db: Database) throws {
        for index in readIndexes { try db.execute(sql: "DROP INDEX IF EXISTS \(index.name)") }
    }

    /// Builds the request table's read indexes, at the end of a run.
    static func createReadIndexes(_ db: Database) throws {
        for index in readIndexes {
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(index.name) ON request(\(index.column))")
        }
    }

    /// The value of `run_info.format_version` this version writes.
    package static let formatVersion = "4"

    /// Why this tts-replay cannot read or continue a journal, when a newer one wrote it: its
    /// columns and meanings may differ, and judging it as this format would be a guess.
    static func newerFormatProblem(_ db: Database) throws -> String? {
        guard let written = try String.fetchOne(db, sql: "SELECT value FROM run_info WHERE key = 'format_version'"),
            let version = Int(written), let known = Int(formatVersion), version > known
        else { return nil }
        return "a newer tts-replay wrote it (journal format \(version)); this one reads formats up to \(known): use that tts-replay"
    }

    /// Every table the journal writes, in the order a reset empties them.
    static let tables = ["request", "body", "webhook_delivery", "clock_move", "shop_event"]
}
