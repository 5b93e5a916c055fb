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
        line = Self.cut(ContractEvidence.line(entry))
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
        requestHeaders = Self.cut(entry.headers)
        requestBody = bodies.index(of: entry.body)
        responseHeaders = Self.cut(entry.responseHeaders)
        responseBody = bodies.index(of: entry.responseBody)
    }

    /// The most bytes of a request line, and of one entry's headers in all, the page holds: a client
    /// sending 60 KiB of headers on each of 1,500 calls made a 100 MB page (the journal keeps
    /// them all).
    static let textLimit = 1024

    static func cut(_ text: String) -> String {
        guard text.utf8.count > textLimit else { return text }
        return String(decoding: text.utf8.prefix(textLimit), as: UTF8.self) + "… (cut: \(text.utf8.count) bytes, the journal has them all)"
    }

    /// The most bytes of one header value the page holds.
    static let headerValueLimit = 256

    /// Headers in name order, each value cut to ``headerValueLimit`` bytes, up to
    /// ``textLimit`` bytes in all; the rest named by a count.
    static func cut(_ headers: [String: String]) -> [String: String] {
        var kept: [String: String] = [:]
        var spent = 0
        let sorted = headers.sorted { $0.key < $1.key }
        for (index, (name, value)) in sorted.enumerated() {
            let shown =
                value.utf8.count <= headerValueLimit
                ? value : String(decoding: value.utf8.prefix(headerValueLimit), as: UTF8.self) + "… (cut: \(value.utf8.count) bytes)"
            guard spent + name.utf8.count + shown.utf8.count <= textLimit else {
                kept["…"] = "\(sorted.count - index) more headers left out (the journal has them all)"
                break
            }
            kept[name] = shown
            spent += name.utf8.count + shown.utf8.count
        }
        return kept
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
