import GRDB

/// The journal's tables, created by named migrations so that later versions can add to them.
enum JournalSchema {
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
        return migrator
    }

    /// Every table the journal writes, in the order a reset empties them.
    static let tables = ["request", "webhook_delivery", "clock_move", "shop_event"]
}
