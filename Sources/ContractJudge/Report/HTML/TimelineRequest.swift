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
        retryAfter = entry.responseStatus == 429 ? entry.responseHeaders["retry-after"].flatMap(RetryAfter.seconds) : nil
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
        case id
        case time = "t"
        case wall = "w"
        case lane, line
        case outcome = "o"
        case status = "s"
        case code = "c"
        case answeredBy = "by"
        case retryAfter = "ra"
        case requestHeaders = "qh"
        case requestBody = "qb"
        case responseHeaders = "ph"
        case responseBody = "pb"
    }
}
