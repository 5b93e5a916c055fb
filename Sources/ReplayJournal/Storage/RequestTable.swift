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
        "response_body_hash", "response_body_offset", "duration_microseconds", "scenario_seconds",
    ]

    private static let insertSQL =
        "INSERT INTO request (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))"

    /// The prepared insert, to use for every entry of a batch.
    static func insertStatement(in db: Database) throws -> Statement {
        try db.cachedStatement(sql: insertSQL)
    }

    /// Inserts an entry. With `sharedHash`, the answer's shared part is stored once in the `body`
    /// table (unless it is there already) and the row keeps the bytes around it.
    /// - Parameters:
    ///   - sharedIsStored: Whether the body table already holds the shared part (`sharedHash`).
    ///   - statement: ``insertStatement(in:)`` of `db`.
    static func insert(_ request: PendingRequest, sharedHash: String?, sharedIsStored: Bool, into db: Database, with statement: Statement) throws {
        let entry = request.entry
        let answer = request.answer
        if let sharedHash, !sharedIsStored { try BodyTable.store(answer.shared, hash: sharedHash, in: db) }
        let failedChecks = entry.failedChecks.isEmpty ? "[]" : try JournalJSON.encode(entry.failedChecks)
        let headers = request.headers.json
        let responseHeaders = request.responseHeaders.json
        // The row's large values, and room for the small ones.
        let bytes =
            entry.query.utf8.count + headers.count + entry.body.count + responseHeaders.count
            + (sharedHash == nil ? answer.count : answer.head.count + answer.tail.count) + 512
        var row = RawRowInsert(statement, in: db, reservingBytes: bytes)
        row.bind(entry.id)
        row.bind(entry.requestID)
        row.bind(entry.wallTime)
        row.bind(entry.scenarioTime)
        row.bind(entry.method)
        row.bind(entry.path)
        row.bind(entry.query)
        row.bind(text: headers)
        row.bind(blob: entry.body)
        row.bind(entry.operation)
        row.bind(entry.shopCipher)
        row.bind(entry.answeredBy.rawValue)
        row.bind(entry.answeredFrom)
        row.bind(failedChecks)
        row.bind(entry.responseStatus)
        row.bind(entry.responseCode)
        row.bind(text: responseHeaders)
        if sharedHash != nil {
            // The bytes around the shared part, and where it goes.
            row.bind(blob: answer.head + answer.tail)
            row.bind(sharedHash)
            row.bind(answer.head.count)
        } else {
            row.bind(blob: answer.joined())
            row.bind(nil as String?)
            row.bind(nil as Int?)
        }
        row.bind(entry.durationMicroseconds)
        row.bind(entry.scenarioSeconds)
        try row.insert()
    }

    static func fetchAll(
        _ db: Database,
        where condition: String = "1",
        arguments: StatementArguments = [],
        limit: Int? = nil
    ) throws -> [JournalEntry] {
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT request.*, body.bytes AS shared_bytes FROM request LEFT JOIN body ON body.hash = request.response_body_hash
                WHERE \(condition) ORDER BY request.id\(limitClause)
                """,
            arguments: arguments
        )
        return try rows.map(entry)
    }

    /// The stored answer, with its shared part put back where it was.
    private static func responseBody(_ row: Row) -> Data {
        var body: Data = row["response_body"]
        if let shared: Data = row["shared_bytes"], let offset: Int = row["response_body_offset"], offset <= body.count {
            body.insert(contentsOf: shared, at: body.startIndex + offset)
        }
        return body
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
            responseBody: responseBody(row),
            durationMicroseconds: row["duration_microseconds"],
            scenarioSeconds: row["scenario_seconds"]
        )
    }
}
