public import Foundation
public import Scenarios

/// One API request the fake received and the answer it gave, as the journal keeps it.
///
/// Secrets are redacted before the entry is written (`sign`, tokens, keys, secrets,
/// passwords, cookies in the query, headers and bodies) and read `<redacted>`; see
/// `docs/admin-and-journal.md` and ``ReplayServer/Configuration/journalRawBodies``.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// Who produced the answer.
    public enum Answerer: String, Sendable, Hashable, Codable {
        /// The gateway refused the request (path, method, credentials, format).
        case gateway
        /// A scenario stub answered.
        case stub
        /// The shop simulator answered from the scenario's state.
        case simulator
        /// A cassette interaction answered.
        case cassette
        /// No cassette interaction matched; the answer lists the closest ones.
        case nearMiss = "near_miss"
        /// Nothing could answer: the operation is not simulated and the scenario has no cassettes.
        case unanswered
    }

    /// A gateway check the request failed, whether or not the failure was answered.
    public struct FailedCheck: Sendable, Hashable, Codable {
        /// The check, as scenarios name it (`sign`, `timestamp`, `app_key`, `access_token`, `shop_cipher`).
        public var check: GatewayCheck
        /// The error code the check answers with.
        public var code: Int
        /// The error message.
        public var message: String
        /// Whether the scenario relaxed the check, so the request went on.
        public var relaxed: Bool

        /// Creates a value from its parts.
        package init(
            check: GatewayCheck,
            code: Int,
            message: String,
            relaxed: Bool
        ) {
            self.check = check
            self.code = code
            self.message = message
            self.relaxed = relaxed
        }
    }

    /// The arrival number, 1 for the first request; also the row id.
    public var id: Int64
    /// The `request_id` of the envelope, deterministic from the scenario seed and `id`.
    public var requestID: String
    /// When the request arrived, wall clock, Unix seconds with fractions.
    public var wallTime: Double
    /// When the request arrived, virtual scenario clock, Unix seconds.
    public var scenarioTime: Int64
    /// When the request arrived, virtual scenario clock, Unix seconds with fractions: a clock
    /// moved by 29.2 s is not 30 s. Nil in journals written before it was kept.
    public var scenarioSeconds: Double?
    /// The HTTP method.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The raw query string, without the `?`.
    public var query: String
    /// The request headers, names lower-cased, repeated headers joined with `, `.
    public var headers: [String: String]
    /// The raw request body (empty when none, or when over the size limit).
    public var body: Data
    /// The operation id from the operation table (`get_categories`, ...), nil when the path is unknown.
    public var operation: String?
    /// The `shop_cipher` the request named, if any.
    public var shopCipher: String?
    /// Who answered.
    public var answeredBy: Answerer
    /// Which stub or cassette interaction answered (`stub 'name'`, `catalogue-gb.yaml#3`), if one did.
    public var answeredFrom: String? = nil
    /// The gateway checks the request failed.
    public var failedChecks: [FailedCheck]
    /// The HTTP status of the answer.
    public var responseStatus: Int
    /// The envelope `code` of the answer.
    public var responseCode: Int?
    /// The answer's headers.
    public var responseHeaders: [String: String]
    /// The answer's body.
    public var responseBody: Data
    /// How long the fake took to answer, in microseconds of wall time.
    public var durationMicroseconds: Int64

    /// The decoded query parameters, in the order sent; empty when the query is malformed.
    public var queryParameters: [(name: String, value: String)] {
        (try? QueryString(raw: query[...]).pairs) ?? []
    }

    /// The closest cassette interactions, when no interaction matched this request.
    public var nearMisses: [NearMiss] {
        guard answeredBy == .nearMiss else { return [] }
        struct Answer: Decodable {
            struct Data: Decodable { var near_misses: [NearMiss] }
            var data: Data
        }
        return (try? JSONDecoder().decode(Answer.self, from: responseBody))?.data.near_misses ?? []
    }

    /// The wall-clock arrival as a date.
    public var wallDate: Date { Date(timeIntervalSince1970: wallTime) }

    /// The scenario-clock arrival, with fractions when the journal kept them.
    public var exactScenarioTime: Double { scenarioSeconds ?? Double(scenarioTime) }

    /// The scenario-clock arrival as a date.
    public var scenarioDate: Date { Date(timeIntervalSince1970: TimeInterval(scenarioTime)) }

    /// Creates a value from its parts.
    package init(
        id: Int64,
        requestID: String,
        wallTime: Double,
        scenarioTime: Int64,
        method: String,
        path: String,
        query: String,
        headers: [String: String],
        body: Data,
        operation: String? = nil,
        shopCipher: String? = nil,
        answeredBy: Answerer,
        answeredFrom: String? = nil,
        failedChecks: [FailedCheck],
        responseStatus: Int,
        responseCode: Int? = nil,
        responseHeaders: [String: String],
        responseBody: Data,
        durationMicroseconds: Int64,
        scenarioSeconds: Double? = nil
    ) {
        self.id = id
        self.scenarioSeconds = scenarioSeconds
        self.requestID = requestID
        self.wallTime = wallTime
        self.scenarioTime = scenarioTime
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.operation = operation
        self.shopCipher = shopCipher
        self.answeredBy = answeredBy
        self.answeredFrom = answeredFrom
        self.failedChecks = failedChecks
        self.responseStatus = responseStatus
        self.responseCode = responseCode
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.durationMicroseconds = durationMicroseconds
    }
}
