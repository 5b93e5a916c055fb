public import Logging

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
        /// The logger. Default: warnings and errors only, to standard error.
        public var logger: Logger

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
            logger: Logger? = nil
        ) {
            self.host = host
            self.port = port
            self.journalPath = journalPath
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
