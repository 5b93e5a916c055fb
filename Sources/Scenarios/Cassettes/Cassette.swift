public import Foundation

/// Recorded exchanges with a TikTok Shop API (real or fake) that the server replays: each
/// interaction is a request and the response it got.
///
/// Load one with ``Cassette/load(contentsOf:)``, or write one with ``Cassette/yaml()``.
/// The format is described in docs/cassettes.md.
public struct Cassette: Sendable, Hashable {
    /// The version of the file format this model reads and writes.
    public static let formatVersion = 1

    /// What happens when a request has been answered by every interaction recorded for it.
    public enum Repeat: String, Sendable, Hashable, CaseIterable {
        /// Answer with the last recorded interaction again (the default).
        case last
        /// Start again from the first recorded interaction.
        case cycle
        /// Answer nothing: the request becomes a near miss.
        case none
    }

    /// Where and when a cassette was recorded.
    public struct Recording: Sendable, Hashable {
        /// When the recording started.
        public var at: Date?
        /// The upstream base URL the requests went to.
        public var from: String?
        /// The tool that wrote the file, such as `tts-replay record`.
        public var with: String?

        /// Creates recording metadata.
        public init(at: Date? = nil, from: String? = nil, with: String? = nil) {
            self.at = at
            self.from = from
            self.with = with
        }
    }

    /// A short description for people.
    public var description: String
    /// Where and when it was recorded.
    public var recording: Recording
    /// What a request gets once every interaction recorded for it has answered.
    public var repeatPolicy: Repeat
    /// The matching rule of every interaction, added to each interaction's own.
    public var match: MatchRule
    /// The recorded exchanges, in the order they happened.
    public var interactions: [Interaction]
    /// Webhooks as a receiver got them, kept for `tts-replay conform` to compare with the
    /// simulator's; never replayed.
    public var notifications: [Notification]
    /// The file the cassette was loaded from, if any.
    public var sourcePath: String?

    /// Creates a cassette.
    public init(
        description: String = "",
        recording: Recording = Recording(),
        repeatPolicy: Repeat = .last,
        match: MatchRule = MatchRule(),
        interactions: [Interaction] = [],
        notifications: [Notification] = [],
        sourcePath: String? = nil
    ) {
        self.description = description
        self.recording = recording
        self.repeatPolicy = repeatPolicy
        self.match = match
        self.interactions = interactions
        self.notifications = notifications
        self.sourcePath = sourcePath
    }

    /// A short name for diagnostics and the journal: the file name, or `cassette`.
    public var displayName: String {
        sourcePath.map { URL(fileURLWithPath: $0).lastPathComponent } ?? "cassette"
    }
}

extension Cassette {
    /// One recorded request and the response it got.
    public struct Interaction: Sendable, Hashable {
        /// The request as recorded.
        public var request: RecordedRequest
        /// The response as recorded.
        public var response: RecordedResponse
        /// What to ignore when matching this interaction, besides the cassette's rule.
        public var match: MatchRule
        /// The line of the interaction in its file (1-based), or 0 when not loaded from a file.
        public var line: Int

        /// Creates an interaction.
        public init(request: RecordedRequest, response: RecordedResponse, match: MatchRule = MatchRule(), line: Int = 0) {
            self.request = request
            self.response = response
            self.match = match
            self.line = line
        }
    }

    /// A webhook notification as the client's receiver got it: its headers and its body.
    public struct Notification: Sendable, Hashable {
        /// The headers, names in lower case (`authorization` holds the signature).
        public var headers: [String: String]
        /// The body: JSON, with `type`, `tts_notification_id`, `shop_id`, `timestamp` and `data`.
        public var body: Body
        /// The line of the notification in its file (1-based), or 0 when not loaded from a file.
        public var line: Int

        /// Creates a notification.
        public init(headers: [String: String] = [:], body: Body, line: Int = 0) {
            self.headers = headers
            self.body = body
            self.line = line
        }
    }

    /// A body as recorded: JSON, kept as a value so it reads well and compares as JSON, or text.
    public enum Body: Sendable, Hashable {
        /// No body.
        case none
        /// A JSON body.
        case json(JSONValue)
        /// Any other body, as text.
        case text(String)

        /// Reads bytes as JSON when they are JSON, else as text.
        public init(bytes: some Collection<UInt8>) {
            if bytes.isEmpty {
                self = .none
            } else if let value = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) {
                self = .json(value)
            } else {
                self = .text(String(decoding: bytes, as: UTF8.self))
            }
        }
    }

    /// A recorded request.
    public struct RecordedRequest: Sendable, Hashable {
        /// The HTTP method, upper case.
        public var method: String
        /// The path, such as `/product/202309/categories`.
        public var path: String
        /// The query parameters (the signing ones, `app_key`, `timestamp`, `sign`, are kept for reading but never matched).
        public var query: [String: String]
        /// The headers worth keeping (never matched).
        public var headers: [String: String]
        /// The body.
        public var body: Body

        /// Creates a recorded request.
        public init(method: String, path: String, query: [String: String] = [:], headers: [String: String] = [:], body: Body = .none) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    /// A recorded response.
    public struct RecordedResponse: Sendable, Hashable {
        /// The HTTP status.
        public var status: Int
        /// The headers replayed with it (length and connection headers are never kept).
        public var headers: [String: String]
        /// The body.
        public var body: Body

        /// Creates a recorded response.
        public init(status: Int = 200, headers: [String: String] = [:], body: Body = .none) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// What matching ignores, on top of what changes on every call (`app_key`, `timestamp`,
    /// `sign`, `access_token` and the token headers, which are never matched).
    public struct MatchRule: Sendable, Hashable {
        /// Query parameters and body fields to ignore, such as `query.page_token` or `body.items.*.price`.
        public var ignore: [FieldPath]
        /// Whether arrays in JSON bodies compare as multisets.
        public var ignoreArrayOrder: Bool

        /// Creates a rule; by default nothing more is ignored.
        public init(ignore: [FieldPath] = [], ignoreArrayOrder: Bool = false) {
            self.ignore = ignore
            self.ignoreArrayOrder = ignoreArrayOrder
        }

        /// This rule and another together.
        public func merged(with other: MatchRule) -> MatchRule {
            MatchRule(ignore: ignore + other.ignore.filter { !ignore.contains($0) }, ignoreArrayOrder: ignoreArrayOrder || other.ignoreArrayOrder)
        }
    }
}
