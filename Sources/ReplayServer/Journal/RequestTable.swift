import Foundation
import GRDB

/// How a `JournalEntry` is stored in the `request` table and read back.
///
/// SQL lives here and in `JournalSchema`, nowhere else. Structured columns (headers, failed
/// checks) are JSON text with sorted keys, so equal entries are equal files.
enum RequestTable {
    private static let columns = [
        "id", "request_id", "wall_time", "scenario_time", "method", "path", "query", "headers", "body", "operation", "shop_cipher",
        "answered_by", "answered_from", "failed_checks", "response_status", "response_code", "response_headers", "response_body",
        "duration_microseconds",
    ]

    private static let insertSQL =
        "INSERT INTO request (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"

    static func insert(_ entry: JournalEntry, into db: Database) throws {
        let arguments: StatementArguments = [
            entry.id, entry.requestID, entry.wallTime, entry.scenarioTime, entry.method, entry.path, entry.query,
            JournalJSON.encode(entry.headers), entry.body,
            entry.operation, entry.shopCipher, entry.answeredBy.rawValue, entry.answeredFrom,
            entry.failedChecks.isEmpty ? "[]" : try JournalJSON.encode(entry.failedChecks),
            entry.responseStatus,
            entry.responseCode,
            JournalJSON.encode(entry.responseHeaders), entry.responseBody, entry.durationMicroseconds,
        ]
        try db.cachedStatement(sql: insertSQL).execute(arguments: arguments)
    }

    static func fetchAll(
        _ db: Database,
        where condition: String = "1",
        arguments: StatementArguments = [],
        limit: Int? = nil
    ) throws -> [JournalEntry] {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM request WHERE \(condition) ORDER BY id\(limitClause)", arguments: arguments)
        return try rows.map(entry)
    }

    private static func entry(_ row: Row) throws -> JournalEntry {
        JournalEntry(
            id: row["id"],
            requestID: row["request_id"],
            wallTime: row["wall_time"],
            scenarioTime: row["scenario_time"],
            method: row["method"],
            path: row["path"],
            query: row["query"],
            headers: try JournalJSON.decode(row["headers"]),
            body: row["body"],
            operation: row["operation"],
            shopCipher: row["shop_cipher"],
            answeredBy: JournalEntry.Answerer(rawValue: row["answered_by"]) ?? .unanswered,
            answeredFrom: row["answered_from"],
            failedChecks: try JournalJSON.decode(row["failed_checks"]),
            responseStatus: row["response_status"],
            responseCode: row["response_code"],
            responseHeaders: try JournalJSON.decode(row["response_headers"]),
            responseBody: row["response_body"],
            durationMicroseconds: row["duration_microseconds"]
        )
    }
}
