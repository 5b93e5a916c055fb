extension ReplayServer {
    /// The limits on the parts of an API request that a client could make arbitrarily many or
    /// deep, so that no request costs the server more than its size: past a limit the gateway
    /// answers with an envelope before doing any other work. The body and header byte limits are
    /// ``Configuration/maxBodyBytes`` and ``Configuration/maxHeaderBytes``.
    ///
    /// The defaults are far above what any TikTok Shop client sends (a handful of query
    /// parameters and headers, paths of five segments, bodies a few levels deep).
    public struct RequestLimits: Sendable, Hashable {
        /// The most query parameters (repeated names count each time); more get error 98001004
        /// (HTTP 400, the documented text of 98001004). Default 1,000, as PHP's `max_input_vars`.
        public var queryParameters: Int
        /// The most header fields besides `Host` (which HTTP types hold as the authority); more
        /// get error 36009004 (HTTP 431). Default 100, as Apache's `LimitRequestFields`.
        public var headerFields: Int
        /// The longest path, in bytes as sent (percent escapes undecoded); longer ones get error
        /// 36009004 (HTTP 414). Default 2,048.
        public var pathBytes: Int
        /// The most path segments; more get error 36009004 (HTTP 414). Default 32.
        public var pathSegments: Int
        /// The deepest nesting of arrays and objects in a JSON body; deeper bodies get error
        /// 36009022 (HTTP 400), like any body that is not a JSON object. Default 64.
        public var jsonDepth: Int

        /// Creates limits; every parameter has the default described on its property.
        public init(
            queryParameters: Int = 1_000,
            headerFields: Int = 100,
            pathBytes: Int = 2_048,
            pathSegments: Int = 32,
            jsonDepth: Int = 64
        ) {
            self.queryParameters = queryParameters
            self.headerFields = headerFields
            self.pathBytes = pathBytes
            self.pathSegments = pathSegments
            self.jsonDepth = jsonDepth
        }
    }
}
