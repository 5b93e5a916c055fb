/// A scripted answer that overrides the simulator: "the third search gets a 429 with
/// Retry-After: 30", "Get Product of this id fails with 36009003", "this call hangs up".
///
/// Stubs are tried in order after the gateway's checks; the first whose `match` fits answers.
public struct Stub: Sendable, Hashable {
    /// Which requests a stub answers. Every condition given must hold.
    public struct Match: Sendable, Hashable {
        /// The HTTP method, such as `POST`.
        public var method: String?
        /// The exact path, such as `/product/202502/products/search`.
        public var path: String?
        /// The operation, written in YAML by its id, such as `search_products`.
        public var operation: APIOperation?
        /// Query parameters that must have these values.
        public var query: [String: String]
        /// Top-level JSON body fields that must have these values.
        public var body: [String: JSONValue]
        /// Which of the matching calls, counting from 1, the stub answers; nil for all of them.
        public var calls: Set<Int>?

        /// Creates a match; by default it matches every request.
        public init(
            method: String? = nil,
            path: String? = nil,
            operation: APIOperation? = nil,
            query: [String: String] = [:],
            body: [String: JSONValue] = [:],
            calls: Set<Int>? = nil
        ) {
            self.method = method
            self.path = path
            self.operation = operation
            self.query = query
            self.body = body
            self.calls = calls
        }
    }

    /// What a stub answers.
    public struct Response: Sendable, Hashable {
        /// How to fail at the network level instead of answering.
        public enum Fault: String, Sendable, Hashable, CaseIterable {
            /// Close the connection without an answer.
            case reset
        }

        /// The HTTP status. Default 200.
        public var status: Int
        /// The envelope's `code`. Default 0.
        public var code: Int
        /// The envelope's `message`. Default "Success" for code 0, else a message naming the stub.
        public var message: String?
        /// The envelope's `data`. Default `{}` for code 0, else null.
        public var data: JSONValue?
        /// Extra response headers, such as `Retry-After`.
        public var headers: [String: String]
        /// How long to wait, in real time, before answering (to exercise client timeouts). Default none.
        public var delay: HumanDuration?
        /// A network fault instead of an answer. Default none.
        public var fault: Fault?

        /// Creates a response; by default an empty success.
        public init(
            status: Int = 200,
            code: Int = 0,
            message: String? = nil,
            data: JSONValue? = nil,
            headers: [String: String] = [:],
            delay: HumanDuration? = nil,
            fault: Fault? = nil
        ) {
            self.status = status
            self.code = code
            self.message = message
            self.data = data
            self.headers = headers
            self.delay = delay
            self.fault = fault
        }
    }

    /// A name for the journal and diagnostics. Default `stub N`.
    public var name: String
    /// Which requests it answers.
    public var match: Match
    /// What it answers.
    public var response: Response

    /// Creates a stub.
    public init(name: String, match: Match, response: Response) {
        self.name = name
        self.match = match
        self.response = response
    }
}

/// The file form of a stub (the name defaults to its position).
struct StubEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, match, respond
    }

    var name: String?
    var match: Stub.Match
    var response: Stub.Response

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.name = try container.optional(String.self, forKey: .name)
        self.match = try container.optional(Stub.Match.self, forKey: .match) ?? Stub.Match()
        self.response = try container.required(Stub.Response.self, forKey: .respond) ?? Stub.Response()
    }
}

extension Stub.Match: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case method, path, operation, query, body, calls
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.method = try container.optional(String.self, forKey: .method)?.uppercased()
        self.path = try container.optional(String.self, forKey: .path)
        let operationID = try container.optional(String.self, forKey: .operation)
        if let operationID, APIOperation.named(operationID) == nil {
            let known = APIOperation.all.map(\.id)
            let hint =
                DidYouMean.suggestion(for: operationID, among: known).map { "did you mean '\($0)'?" }
                ?? "operations: \(known.joined(separator: ", "))"
            try decoder.reject("'\(operationID)' is not an operation of the API; \(hint)", at: CodingKeys.operation)
        }
        self.operation = operationID.flatMap(APIOperation.named)
        self.query = try container.mapping(of: String.self, forKey: .query)?.compactMapValues { $0 } ?? [:]
        self.body = try container.optional(JSONValue.Members.self, forKey: .body)?.members ?? [:]
        let calls = try container.list(of: Int.self, forKey: .calls)?.compactMap { $0 }
        if let calls, calls.contains(where: { $0 < 1 }) { try decoder.reject("calls count from 1", at: CodingKeys.calls) }
        self.calls = calls.map(Set.init)
        if let path, !path.hasPrefix("/") || path.contains("?") {
            try decoder.reject(
                "path starts with / and holds no query, such as /product/202502/products/search; put parameters under query",
                at: CodingKeys.path
            )
        }
        // A stub that names a method no request has would never match.
        if let method, !RequestEntry.methods.contains(method) {
            try decoder.reject(
                "'\(method)' is not an HTTP method the API uses; expected one of \(RequestEntry.methods.joined(separator: ", "))",
                at: CodingKeys.method
            )
        }
    }
}

extension Stub.Response: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case status, code, message, data, headers, delay, fault
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.status = try container.optional(Int.self, forKey: .status) ?? 200
        self.code = try container.optional(Int.self, forKey: .code) ?? 0
        self.message = try container.optional(String.self, forKey: .message)
        self.data = try container.optional(JSONValue.self, forKey: .data)
        self.headers = try container.mapping(of: String.self, forKey: .headers)?.compactMapValues { $0 } ?? [:]
        self.delay = try container.optional(HumanDuration.self, forKey: .delay)
        self.fault = try container.optional(oneOf: Fault.self, forKey: .fault)
        if !(100...599).contains(status) { try decoder.reject("status must be an HTTP status, 100 to 599", at: CodingKeys.status) }
        if let retryAfter = headers.first(where: { $0.key.lowercased() == "retry-after" })?.value, RetryAfter.seconds(retryAfter) == nil {
            try decoder.reject("Retry-After must be a number of seconds (0 to a year), not '\(retryAfter.prefix(32))'", at: CodingKeys.headers)
        }
        if let delay, delay.milliseconds < 0 || delay.milliseconds > 600_000 {
            try decoder.reject("delay must be between 0s and 10m", at: CodingKeys.delay)
        }
    }
}
