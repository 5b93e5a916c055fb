import Yams

/// The YAML form of a cassette, decoded strictly.
struct CassetteFile: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, description, recorded, `repeat`, match, interactions, notifications
    }

    var format: Int
    var description: String?
    var recorded: RecordingEntry?
    var repeatPolicy: Cassette.Repeat?
    var match: MatchRuleEntry?
    var interactions: [InteractionEntry]
    var notifications: [NotificationEntry]

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.format = try container.decode(Int.self, forKey: .format)
        if format != Cassette.formatVersion {
            throw decoder.invalidValue("this tts-replay reads cassette format \(Cassette.formatVersion), not \(format)")
        }
        self.description = try container.decodeIfPresent(String.self, forKey: .description)
        self.recorded = try container.decodeIfPresent(RecordingEntry.self, forKey: .recorded)
        self.repeatPolicy = try container.decodeIfPresent(oneOf: Cassette.Repeat.self, forKey: .repeat)
        self.match = try container.decodeIfPresent(MatchRuleEntry.self, forKey: .match)
        self.interactions = try container.decode([InteractionEntry].self, forKey: .interactions)
        self.notifications = try container.decodeIfPresent([NotificationEntry].self, forKey: .notifications) ?? []
    }

    /// One webhook notification as written; the JSON body is read from its node afterwards.
    struct NotificationEntry: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case headers, body
            case bodyText = "body_text"
        }

        var headers: [String: String]
        var body: BodyEntry

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.headers = RequestEntry.lowercased(
                try ScalarText.mapping(container, forKey: .headers, of: decoder) ?? [:]
            )
            self.body = try BodyEntry(from: container, json: .body, text: .bodyText, decoder: decoder)
            if case .none = body { throw decoder.invalidValue("a notification has a body: the webhook's JSON as received") }
        }
    }

    /// One interaction as written.
    struct InteractionEntry: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case request, response, match
        }

        var request: RequestEntry
        var response: ResponseEntry
        var match: MatchRuleEntry?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.request = try container.decode(RequestEntry.self, forKey: .request)
            self.response = try container.decode(ResponseEntry.self, forKey: .response)
            self.match = try container.decodeIfPresent(MatchRuleEntry.self, forKey: .match)
        }
    }
}

/// `recorded`.
struct RecordingEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case at, from, with
    }

    var value: Cassette.Recording

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.value = Cassette.Recording(
            at: try container.decodeIfPresent(DecodedInstant.self, forKey: .at)?.date,
            from: try container.decodeIfPresent(String.self, forKey: .from),
            with: try container.decodeIfPresent(String.self, forKey: .with)
        )
    }
}

/// `match`, of the cassette or of an interaction.
struct MatchRuleEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case ignore
        case ignoreArrayOrder = "ignore_array_order"
    }

    var value: Cassette.MatchRule

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let texts = try container.decodeIfPresent([String].self, forKey: .ignore) ?? []
        let ignore = try texts.map { text in
            guard let path = FieldPath(text) else {
                throw decoder.invalidValue("'\(text)' is not a field path; write query.NAME or body.FIELD (body.items.*.sku for every element)")
            }
            return path
        }
        self.value = Cassette.MatchRule(
            ignore: ignore,
            ignoreArrayOrder: try container.decodeIfPresent(Bool.self, forKey: .ignoreArrayOrder) ?? false
        )
    }
}

/// An interaction's `request`. A JSON body is only checked for presence here; it is read from
/// the YAML node afterwards (see ``JSONValue/init(yaml:)``).
struct RequestEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case method, path, query, headers, body
        case bodyText = "body_text"
    }

    var method: String
    var path: String
    var query: [String: String]
    var headers: [String: String]
    var body: BodyEntry

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let method = try container.decode(String.self, forKey: .method).uppercased()
        guard Self.methods.contains(method) else {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [CodingKeys.method],
                message: "'\(method)' is not an HTTP method the API uses; expected one of \(Self.methods.joined(separator: ", "))"
            )
        }
        self.method = method
        self.path = try container.decode(String.self, forKey: .path)
        if !path.hasPrefix("/") || path.contains("?") {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [CodingKeys.path],
                message: "path starts with / and holds no query, such as /product/202309/categories; put parameters under query"
            )
        }
        self.query = try ScalarText.mapping(container, forKey: .query, of: decoder) ?? [:]
        self.headers = Self.lowercased(try ScalarText.mapping(container, forKey: .headers, of: decoder) ?? [:])
        self.body = try BodyEntry(from: container, json: .body, text: .bodyText, decoder: decoder)
    }

    static let methods = ["GET", "POST", "PUT", "DELETE", "PATCH"]

    static func lowercased(_ headers: [String: String]) -> [String: String] {
        Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// An interaction's `response`; the JSON body is read as in ``RequestEntry``.
struct ResponseEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case status, headers, body
        case bodyText = "body_text"
    }

    var status: Int
    var headers: [String: String]
    var body: BodyEntry

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.status = try container.decodeIfPresent(Int.self, forKey: .status) ?? 200
        if !(100...599).contains(status) {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [CodingKeys.status],
                message: "status \(status) is not an HTTP status (100 to 599)"
            )
        }
        let headers = try ScalarText.mapping(container, forKey: .headers, of: decoder) ?? [:]
        self.headers = RequestEntry.lowercased(headers)
        self.body = try BodyEntry(from: container, json: .body, text: .bodyText, decoder: decoder)
    }
}

/// `body` (JSON written as YAML) or `body_text` (anything else), not both.
enum BodyEntry {
    case none
    /// Present; the value is read from the YAML node.
    case json
    case text(String)

    init<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, json: Key, text: Key, decoder: any Decoder) throws {
        let hasJSON = container.contains(json)
        let raw = try container.decodeIfPresent(String.self, forKey: text)
        switch (hasJSON, raw) {
        case (true, .some): throw decoder.invalidValue("give body (JSON) or body_text (anything else), not both")
        case (true, nil): self = .json
        case (false, .some(let raw)): self = .text(raw)
        case (false, nil): self = .none
        }
    }

    /// The body, reading JSON from the interaction's node at `part` (`request` or `response`).
    func body(interaction node: Node?, part: String) -> Cassette.Body {
        body(node: node?.mapping?[part])
    }

    /// The body, reading JSON from the `body` member of `node`.
    func body(node: Node?) -> Cassette.Body {
        switch self {
        case .none: .none
        case .text(let raw): .text(raw)
        case .json: .json(node?.mapping?["body"].map(JSONValue.init(yaml:)) ?? .null)
        }
    }
}

/// A scalar read as the text written: query and header values such as `20` or `true` are text on the wire.
struct ScalarText: Decodable {
    var text: String

    /// A mapping of scalars as text, nil when the key is absent; a wide one is read from its
    /// node at once (see ``DecodingProblems/strings(ofWideMappingAt:)``).
    static func mapping<Key: CodingKey>(
        _ container: KeyedDecodingContainer<Key>,
        forKey key: Key,
        of decoder: any Decoder
    ) throws
        -> [String: String]?
    {
        if let wide = decoder.problems?.strings(ofWideMappingAt: container.codingPath + [key]) { return wide.compactMapValues { $0 } }
        return try container.decodeIfPresent([String: ScalarText].self, forKey: key)?.mapValues(\.text)
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self.text = text
        } else if let number = try? container.decode(Int64.self) {
            self.text = String(number)
        } else if let flag = try? container.decode(Bool.self) {
            self.text = String(flag)
        } else {
            self.text = String(try container.decode(Double.self))
        }
    }
}
