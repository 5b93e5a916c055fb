import Foundation
import ReplayJournal
import Scenarios

/// A client request as the timeline draws it: where (its operation's lane), when, how it ended,
/// and what the details panel shows when it is selected. Keys are short: a page holds thousands.
struct TimelineRequest: Encodable {
    /// How an answer looks on the timeline.
    enum Outcome: String, Encodable {
        /// HTTP 2xx with code 0.
        case success
        /// HTTP 200 with a non-zero code.
        case businessError = "business"
        /// Refused by the gateway, or any other HTTP error.
        case gatewayError = "gateway"
        /// HTTP 429; the Retry-After window follows it.
        case rateLimited = "limited"
    }

    let id: Int64
    let time: Int64
    let wall: Double
    let lane: String
    let line: String
    let outcome: Outcome
    let status: Int
    let code: Int?
    let answeredBy: String
    let retryAfter: Double?
    let requestHeaders: [String: String]
    let requestBody: Int?
    let responseHeaders: [String: String]
    let responseBody: Int?

    init(_ entry: JournalEntry, bodies: inout BodyTable) {
        id = entry.id
        time = entry.scenarioTime
        wall = entry.wallTime
        lane = entry.operation ?? (entry.method.isEmpty ? "(unparsed)" : "(unknown path)")
        line = ContractEvidence.line(entry)
        status = entry.responseStatus
        code = entry.responseCode
        answeredBy = entry.answeredBy.rawValue
        retryAfter = entry.responseStatus == 429 ? entry.responseHeaders["retry-after"].flatMap(Double.init) : nil
        outcome =
            switch (entry.responseStatus, entry.responseCode ?? 0) {
            case (429, _): .rateLimited
            case (400..., _): .gatewayError
            case _ where entry.answeredBy == .gateway: .gatewayError
            case (_, 0): .success
            default: .businessError
            }
        requestHeaders = entry.headers
        requestBody = bodies.index(of: entry.body)
        responseHeaders = entry.responseHeaders
        responseBody = bodies.index(of: entry.responseBody)
    }

    enum CodingKeys: String, CodingKey {
        case id, time = "t", wall = "w", lane, line, outcome = "o", status = "s", code = "c", answeredBy = "by", retryAfter = "ra"
        case requestHeaders = "qh", requestBody = "qb", responseHeaders = "ph", responseBody = "pb"
    }
}

/// A webhook attempt as the timeline draws it.
struct TimelineDelivery: Encodable {
    /// How an attempt looks on the timeline.
    enum Outcome: String, Encodable {
        /// Acknowledged in time.
        case delivered
        /// Not acknowledged, and tried again later.
        case retried
        /// Not acknowledged, and not tried again.
        case failed
        /// The scenario dropped it: nothing was sent.
        case dropped
        /// The server stopped while it was in flight.
        case cancelled
    }

    let notification: String
    let type: Int
    let attempt: Int
    let time: Int64
    let wall: Double
    let outcome: Outcome
    let duplicate: Bool
    let forged: Bool
    let status: Int?
    let ackMilliseconds: Double?
    let error: String?
    let target: String
    let payload: Int?

    init(_ record: WebhookDeliveryRecord, retried: Bool, bodies: inout BodyTable) {
        notification = record.notificationID
        type = record.eventType
        attempt = record.attempt
        time = record.scenarioTime
        wall = record.wallTime
        outcome =
            switch record.outcome {
            case .acknowledged: .delivered
            case .failed: retried ? .retried : .failed
            case .dropped: .dropped
            case .cancelled: .cancelled
            }
        duplicate = record.isDuplicate
        forged = record.isForged
        status = record.responseStatus
        ackMilliseconds = record.latencyMicroseconds.map { Double($0) / 1000 }
        error = record.error
        target = record.target
        payload = bodies.index(of: record.payload)
    }

    enum CodingKeys: String, CodingKey {
        case notification = "n", type, attempt, time = "t", wall = "w", outcome = "o", duplicate = "dup", forged, status = "s"
        case ackMilliseconds = "ack", error, target, payload
    }
}

/// A shop event as the timeline draws it: in the upgrade task's, the products' or the audit's lane.
struct TimelineEvent: Encodable {
    let time: Int64
    let wall: Double
    let kind: String
    let lane: String
    let product: String?
    let details: [String: String]

    init(_ event: ShopEvent) {
        time = event.scenarioTime
        wall = event.wallTime
        kind = event.kind.rawValue
        product = event.productID
        details = event.details
        lane = Self.lane(of: event)
    }

    /// Audit steps (`product.audit_*`), the upgrade task's steps, other products' moves, the rest.
    static func lane(of event: ShopEvent) -> String {
        let kind = event.kind.rawValue
        if kind.hasPrefix("product.audit") { return "audit" }
        if kind.hasPrefix("upgrade_task.") { return "upgrade task" }
        return event.productID == nil ? "shop" : "products"
    }

    enum CodingKeys: String, CodingKey {
        case time = "t", wall = "w", kind, lane, product, details
    }
}

/// A move of the scenario clock: a span on the scenario axis, an instant on the wall axis.
struct TimelineClockMove: Encodable {
    let from: Int64
    let to: Int64
    let wall: Double
    let reason: String

    init(_ move: ClockMove) {
        from = move.fromTime
        to = move.toTime
        wall = move.wallTime
        reason = move.reason
    }

    enum CodingKeys: String, CodingKey {
        case from, to, wall = "w", reason
    }
}
