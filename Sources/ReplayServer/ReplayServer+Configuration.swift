public import Logging
public import ReplayJournal

extension ReplayServer {
    /// How a server binds and where it journals.
    ///
    /// ```swift
    /// var configuration = ReplayServer.Configuration()
    /// configuration.journalPath = "/tmp/run.sqlite"
    /// let server = try await ReplayServer.start(scenario: .default, configuration: configuration)
    /// ```
    public struct Configuration: Sendable {
        /// The address to bind. Default `127.0.0.1`: the fake is never reachable from the network unless asked.
        public var host: String
        /// The port to bind. Default 0: the system picks a free port, read it from ``ReplayServer/baseURL``.
        public var port: Int
        /// The journal file. Default nil: a new file in a temporary folder, removed when the server stops.
        public var journalPath: String?
        /// The largest request body accepted; larger ones get error 36009021. Default 10 MiB.
        public var maxBodyBytes: Int
        /// The largest total size of request headers answered normally; larger ones get error 36009004
        /// (HTTP 431). Default 64 KiB. Headers over 1 MiB are cut off by the HTTP parser with a bare 400.
        public var maxHeaderBytes: Int
        /// Whether the journal keeps request and answer bodies as sent, secrets included, for
        /// debugging on your own machine. Default false: secrets in bodies read `<redacted>`
        /// (query parameters and headers are redacted either way).
        public var journalRawBodies: Bool
        /// The limits on query parameters, header fields, path length and segments, and JSON
        /// nesting of an API request. Default: ``RequestLimits/init(queryParameters:headerFields:pathBytes:pathSegments:jsonDepth:)``'s.
        public var requestLimits: RequestLimits
        /// An address to register for PRODUCT_CATEGORY_CHANGE on every shop at start, as
        /// `tts-replay serve --webhook-url` does. Default nil: the scenario's, if any.
        public var webhookURL: String?
        /// What to do when ``journalPath`` names a journal that already holds a run. Default
        /// ``ExistingJournal/refuse``: starting fails with ``JournalError/alreadyHolds(path:contents:)``.
        public var existingJournal: ExistingJournal
        /// When an answer is sent relative to its journal entry's commit. Default
        /// ``JournalDurability/commitBeforeAnswer``: a killed process loses no answered request.
        public var journalDurability: JournalDurability
        /// How much the journal's writer may hold in memory before answers wait for it. Default
        /// 4,096 entries and 32 MiB.
        public var journalQueueLimit: JournalQueueLimit
        /// The logger. Default: warnings and errors only, to standard error.
        public var logger: Logger

        // MARK: - Transport: timeouts, connection cap, exposure

        /// How long a connection may wait for the first byte of its next request (right after it
        /// opens, or after its last answer) before it is closed. Default 60 s.
        public var idleTimeout: Duration = .seconds(60)
        /// How long a request head may take from its first byte to its blank line; a slower head
        /// (a slowloris client) has its connection closed without an answer. Default 10 s.
        public var headTimeout: Duration = .seconds(10)
        /// How long a request body may take as a whole, from its head to its last byte; a slower
        /// body is answered 408 (error 36009004) and its connection closed. Default 30 s.
        public var bodyTimeout: Duration = .seconds(30)
        /// The most connections open at once. A new connection past the cap closes the one that
        /// has waited longest for its client (idle, or sending a head); if every connection is
        /// answering a request or reading a body, the new one is answered 503 (error 36009003)
        /// and closed. Default 512, well under the usual limit of 1,024 open files.
        public var maxConnections = 512
        /// The token the admin API (`/__admin/`) requires as `Authorization: Bearer <token>`.
        /// Default nil: on a loopback address the admin API is open; on any other address the
        /// server makes up a random token (read it from ``ReplayServer/adminToken``).
        public var adminToken: String?

        /// Creates a configuration; every parameter has the default described on its property.
        public init(
            host: String = "127.0.0.1",
            port: Int = 0,
            journalPath: String? = nil,
            maxBodyBytes: Int = 10 * 1024 * 1024,
            maxHeaderBytes: Int = 64 * 1024,
            journalRawBodies: Bool = false,
            requestLimits: RequestLimits = RequestLimits(),
            webhookURL: String? = nil,
            existingJournal: ExistingJournal = .refuse,
            journalDurability: JournalDurability = .commitBeforeAnswer,
            journalQueueLimit: JournalQueueLimit = JournalQueueLimit(),
            logger: Logger? = nil
        ) {
            self.host = host
            self.port = port
            self.journalPath = journalPath
            self.existingJournal = existingJournal
            self.journalDurability = journalDurability
            self.journalQueueLimit = journalQueueLimit
            self.maxBodyBytes = maxBodyBytes
            self.maxHeaderBytes = maxHeaderBytes
            self.journalRawBodies = journalRawBodies
            self.requestLimits = requestLimits
            self.webhookURL = webhookURL
            self.logger =
                logger
                ?? {
                    var logger = Logger(label: "tts-replay")
                    logger.logLevel = .warning
                    return logger
                }()
        }
    }
}
