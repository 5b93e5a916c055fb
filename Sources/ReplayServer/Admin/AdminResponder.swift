import ContractJudge
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ReplayJournal
import Scenarios

/// The admin API under `/__admin/`: no signing, plain JSON, for tests and tools in any language.
///
/// - `GET /__admin/health`: the server is up; scenario, request count, the journal writer's
///   queue and losses (`degraded` once an entry could not be written). Never waits for the writer.
/// - `GET /__admin/journal[?operation=ID][&after=ID][&limit=N]`: journal entries (after a flush).
/// - `POST /__admin/reset`: empty the journal, put the clock back to the start, restart request ids.
/// - `GET /__admin/clock`, `POST /__admin/clock/advance`: read and move the scenario clock.
/// - `POST /__admin/await`: wait until webhooks are idle, or until a journal entry appears.
/// - `GET /__admin/webhooks`: the deliveries not yet settled, and every attempt so far.
/// - `GET /__admin/near-misses`: the requests no cassette interaction matched, each with the closest three.
/// - `GET /__admin/contract[?contract=l7]`: the contract report of the run so far.
/// - `GET /__admin/`: the live dashboard, the HTML report of the run so far, which reloads as
///   the journal grows; `GET /__admin/changes`: `{"cursor": N}`, the journal's record count it polls.
/// - `GET /__admin/operations`: every operation of the API the fake knows, and whether the
///   simulator answers it.
///
/// With a token set, every endpoint requires it (`Authorization: Bearer <token>`); a request
/// without it is answered 401.
struct AdminResponder: Sendable {
    static let prefix = "/__admin/"
    let state: ServerState
    /// The token required; nil when the admin API is open (loopback, no token configured).
    let token: AdminToken?

    func respond(to request: Request) async -> Response {
        if let token, !token.admits(request.headers) {
            return unauthorized
        }
        if let refusal = AdminOrigin.refusal(of: request, tokenRequired: token != nil) {
            return (try? json(AdminError(error: refusal), status: .forbidden)) ?? Response(status: .forbidden)
        }
        let endpoint = String(request.uri.path.dropFirst(Self.prefix.count))
        do {
            let query: QueryString
            do {
                query = try QueryString(raw: (request.uri.query ?? "")[...])
            } catch {
                throw AdminError(error: "the query is not valid percent-encoded UTF-8 (name=value pairs joined by &)")
            }
            let parameters = Self.queryParameters[endpoint] ?? []
            if let unknown = query.pairs.first(where: { !parameters.contains($0.name) }) {
                let takes = parameters.isEmpty ? "takes no query parameter" : "takes \(parameters.joined(separator: ", "))"
                throw AdminError(error: "\(request.method) /__admin/\(endpoint) has no query parameter '\(unknown.name)'; it \(takes)")
            }
            switch (request.method, endpoint) {
            case (.get, "health"):
                return try json(Health(state))
            case (.get, "journal"):
                return try await journal(query)
            case (.post, "reset"):
                try await body(of: request).adminRefusingUnknownMembers([], endpoint: "POST /__admin/reset")
                try await state.reset()
                return try json(["status": "reset"])
            case (.get, "clock"):
                return try json(ClockView(state.clock))
            case (.post, "clock/advance"):
                return try await advanceClock(try await body(of: request))
            case (.post, "await"):
                return try await awaitQuiet(try await body(of: request))
            case (.get, "webhooks"):
                let deliveries = try await state.journal.webhookDeliveries()
                return try json(
                    WebhooksView(pending: state.outbox.pending, deliveries: deliveries.map(WebhooksView.Attempt.init))
                )
            case (.get, "contract"):
                let contract = try Contract.named(query["contract"] ?? "l7")
                await state.journal.flush()
                return Response(
                    status: .ok,
                    headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: try await contract.judge(state.journal.reader).json))
                )
            case (.get, ""):
                return try await dashboard(query)
            case (.get, "changes"):
                return try json(["cursor": state.journal.writerStatus.appended])
            case (.get, "operations"):
                return try json(["operations": APIOperation.all.map(OperationDescription.init)])
            case (.get, "near-misses"):
                let entries = try await state.journal.entries(answeredBy: .nearMiss)
                return try json(NearMissesView(requests: entries.map(NearMissesView.Request.init)))
            default:
                return try json(
                    AdminError(error: "no admin endpoint \(request.method) /__admin/\(endpoint)", endpoints: Self.endpoints),
                    status: .notFound
                )
            }
        } catch let error as ContractError {
            return (try? json(AdminError(error: error.description), status: .badRequest)) ?? Response(status: .badRequest)
        } catch let error as AdminError {
            return (try? json(error, status: .badRequest)) ?? Response(status: .badRequest)
        } catch is AdminBodyTooLarge {
            let error = AdminError(error: "the body is over \(Self.maximumBodyBytes) bytes, the most an admin request takes")
            return (try? json(error, status: .contentTooLarge)) ?? Response(status: .contentTooLarge)
        } catch {
            return (try? json(AdminError(error: "\(error)"), status: .internalServerError)) ?? Response(status: .internalServerError)
        }
    }

    private var unauthorized: Response {
        var response =
            (try? json(AdminError(error: "the admin API requires its token: send Authorization: Bearer <admin_token>"), status: .unauthorized))
            ?? Response(status: .unauthorized)
        response.headers[.wwwAuthenticate] = "Bearer"
        return response
    }

    private func journal(_ query: QueryString) async throws -> Response {
        let limit =
            try query["limit"].map { text -> Int in
                guard let value = Int(text), value > 0 else { throw AdminError(error: "limit must be a positive integer, not '\(text)'") }
                return value
            } ?? 1000
        let after =
            try query["after"].map { text -> Int64 in
                guard let value = Int64(text), value >= 0 else { throw AdminError(error: "after must be an entry id (0 or more), not '\(text)'") }
                return value
            } ?? 0
        await state.journal.flush()
        let entries = try await state.journal.reader.entries(after: after, limit: limit, operation: query["operation"])
        return try json(JournalPage(entries: entries.map(JournalEntryView.init)))
    }

    private func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return Response(
            status: status,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encoder.encode(value)))
        )
    }

    static let endpoints = [
        "GET /__admin/", "GET /__admin/changes", "GET /__admin/health", "GET /__admin/journal", "POST /__admin/reset", "GET /__admin/clock",
        "POST /__admin/clock/advance",
        "POST /__admin/await", "GET /__admin/webhooks", "GET /__admin/near-misses", "GET /__admin/contract", "GET /__admin/operations",
    ]

    /// The query parameters each endpoint takes; any other is refused (400).
    static let queryParameters: [String: [String]] = [
        "journal": ["operation", "after", "limit"], "contract": ["contract"], "": ["contract"], "changes": ["after"],
    ]

    /// The HTML report of the run so far, with the poll that reloads it.
    private func dashboard(_ query: QueryString) async throws -> Response {
        let contract = try Contract.named(query["contract"] ?? "l7")
        // The count first: a record written while the page is made moves it, and the page reloads.
        let cursor = state.journal.writerStatus.appended
        await state.journal.flush()
        let report = try await contract.judge(state.journal.reader)
        let page = report.html(timeline: try await RunTimeline(journal: state.journal.reader), liveCursor: cursor)
        return Response(
            status: .ok,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page))
        )
    }

    /// The most bytes an admin request's body may have; past it, 413.
    static let maximumBodyBytes = 1 << 20

    private func body(of request: Request) async throws -> JSONValue {
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: Self.maximumBodyBytes)
        } catch is NIOTooManyBytesError {
            throw AdminBodyTooLarge()
        }
        guard buffer.readableBytes > 0 else { return .object([:]) }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView)), value.object != nil else {
            throw AdminError(error: "the body must be a JSON object")
        }
        return value
    }

    /// `{"seconds": 86400}`, `{"by": "24h"}` or `{"to": "2026-11-03T09:00:00Z"}`.
    private func advanceClock(_ body: JSONValue) async throws -> Response {
        let ways = ["seconds", "by", "to"]
        try body.adminRefusingUnknownMembers(ways, endpoint: "POST /__admin/clock/advance")
        if (body.object?.keys.filter(ways.contains).count ?? 0) > 1 {
            throw AdminError(error: "give one of seconds, by or to, not several")
        }
        let from = state.clock.now
        let seconds: Double
        if let value = try body.adminNumber("seconds") {
            seconds = value
        } else if let text = try body.adminString("by") {
            guard let duration = HumanDuration(parsing: text) else { throw AdminError(error: "'\(text)' is not a duration such as 90s, 40m or 24h") }
            seconds = Double(duration.milliseconds) / 1000
        } else if let text = try body.adminString("to") {
            guard let instant = ScenarioInstant.parse(text) else { throw AdminError(error: "'\(text)' is not an ISO 8601 instant") }
            seconds = instant.timeIntervalSince(from)
        } else {
            throw AdminError(error: "give one of seconds (a number), by (a duration such as 24h) or to (an ISO 8601 instant)")
        }
        guard seconds >= 0 else { throw AdminError(error: "the scenario clock only moves forward") }
        guard seconds <= VirtualClock.latest.timeIntervalSince(from) else {
            throw AdminError(error: "the scenario clock cannot move past \(ScenarioInstant.format(VirtualClock.latest))")
        }
        await state.clock.advance(seconds: seconds, reason: "admin")
        return try json(ClockView(state.clock, movedFrom: from))
    }

    /// Waits until the webhooks are idle, or, with a `journal` pattern, until a matching entry
    /// appears. 408 with what is still pending when `timeout_seconds` (default 20) passes.
    private func awaitQuiet(_ body: JSONValue) async throws -> Response {
        try body.adminRefusingUnknownMembers(["timeout_seconds", "journal"], endpoint: "POST /__admin/await")
        let timeout = try body.adminNumber("timeout_seconds", within: 0...600, unit: " seconds") ?? 20
        let duration = Duration.milliseconds(Int64(timeout * 1000))
        if let pattern = body["journal"] {
            let match = try JournalPattern(pattern)
            if let entry = try await state.journal.firstEntry(after: match.after, timeout: duration, matching: match.matches) {
                return try json(AwaitResult(entry: JournalEntryView(entry), pending: state.outbox.pending))
            }
            return try json(
                AwaitResult(error: "no journal entry matched within \(timeout) s", pending: state.outbox.pending),
                status: .requestTimeout
            )
        }
        if await state.outbox.awaitIdle(timeout: duration) {
            return try json(AwaitResult(idle: true, pending: state.outbox.pending))
        }
        return try json(
            AwaitResult(error: "webhooks still pending after \(timeout) s", pending: state.outbox.pending),
            status: .requestTimeout
        )
    }
}

/// The server's Hummingbird responder: only admin requests reach it, the API's being answered
/// on the event loop by ``APIRequestHandler`` before Hummingbird sees them.
extension AdminResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    func respond(to request: Request, context: Context) async throws -> Response {
        await respond(to: request)
    }
}

/// An admin request's body past ``AdminResponder/maximumBodyBytes``.
private struct AdminBodyTooLarge: Error {}
