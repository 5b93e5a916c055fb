import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Scenarios

/// The admin API under `/__admin/`: no signing, plain JSON, for tests and tools in any language.
///
/// - `GET /__admin/health`: the server is up; scenario name and request count.
/// - `GET /__admin/journal[?operation=ID][&after=ID][&limit=N]`: journal entries (after a flush).
/// - `POST /__admin/reset`: empty the journal, put the clock back to the start, restart request ids.
struct AdminResponder: Sendable {
    static let prefix = "/__admin/"
    let state: ServerState

    func respond(to request: Request) async -> Response {
        let endpoint = String(request.uri.path.dropFirst(Self.prefix.count))
        let query = (try? QueryString(raw: (request.uri.query ?? "")[...])) ?? QueryString(pairs: [])
        do {
            switch (request.method, endpoint) {
            case (.get, "health"):
                await state.journal.flush()
                return try json(
                    Health(
                        status: "ok",
                        scenario: state.scenario.name,
                        scenarioTime: state.clock.unixSeconds,
                        requests: try await state.journal.reader.count(),
                        journal: state.journal.path
                    )
                )
            case (.get, "journal"):
                return try await journal(query)
            case (.post, "reset"):
                try await state.reset()
                return try json(["status": "reset"])
            default:
                return try json(
                    AdminError(error: "no admin endpoint \(request.method) /__admin/\(endpoint)", endpoints: Self.endpoints),
                    status: .notFound
                )
            }
        } catch let error as AdminError {
            return (try? json(error, status: .badRequest)) ?? Response(status: .badRequest)
        } catch {
            return (try? json(AdminError(error: "\(error)"), status: .internalServerError)) ?? Response(status: .internalServerError)
        }
    }

    private func journal(_ query: QueryString) async throws -> Response {
        let limit =
            try query["limit"].map { text -> Int in
                guard let value = Int(text), value > 0 else { throw AdminError(error: "limit must be a positive integer, not '\(text)'") }
                return value
            } ?? 1000
        let after =
            try query["after"].map { text -> Int64 in
                guard let value = Int64(text) else { throw AdminError(error: "after must be an entry id, not '\(text)'") }
                return value
            } ?? 0
        await state.journal.flush()
        var entries = try await state.journal.reader.entries(after: after, limit: query["operation"] == nil ? limit : Int.max)
        if let operation = query["operation"] {
            entries = Array(entries.filter { $0.operation == operation }.prefix(limit))
        }
        return try json(JournalPage(entries: entries.map(JournalEntryView.init)))
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }

    static let endpoints = ["GET /__admin/health", "GET /__admin/journal", "POST /__admin/reset"]
}

struct Health: Encodable {
    var status: String
    var scenario: String
    var scenarioTime: Int64
    var requests: Int
    var journal: String
}

struct AdminError: Error, Encodable {
    var error: String
    var endpoints: [String]?
}

struct JournalPage: Encodable {
    var entries: [JournalEntryView]
}

/// A journal entry as JSON: bodies as text when they are UTF-8, else base64 under `*_base64`.
struct JournalEntryView: Encodable {
    var id: Int64
    var requestId: String
    var wallTime: Double
    var scenarioTime: Int64
    var method: String
    var path: String
    var query: String
    var headers: [String: String]
    var body: String?
    var bodyBase64: String?
    var operation: String?
    var shopCipher: String?
    var answeredBy: String
    var failedChecks: [JournalEntry.FailedCheck]
    var responseStatus: Int
    var responseCode: Int?
    var responseBody: String?
    var durationMicroseconds: Int64

    init(_ entry: JournalEntry) {
        self.id = entry.id
        self.requestId = entry.requestID
        self.wallTime = entry.wallTime
        self.scenarioTime = entry.scenarioTime
        self.method = entry.method
        self.path = entry.path
        self.query = entry.query
        self.headers = entry.headers
        let text = String(data: entry.body, encoding: .utf8)
        self.body = text
        self.bodyBase64 = text == nil ? entry.body.base64EncodedString() : nil
        self.operation = entry.operation
        self.shopCipher = entry.shopCipher
        self.answeredBy = entry.answeredBy.rawValue
        self.failedChecks = entry.failedChecks
        self.responseStatus = entry.responseStatus
        self.responseCode = entry.responseCode
        self.responseBody = String(data: entry.responseBody, encoding: .utf8)
        self.durationMicroseconds = entry.durationMicroseconds
    }
}
