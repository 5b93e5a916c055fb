/// A recorded interaction close to a request that matched none, and the fields that differ.
/// The closest three come back in the answer's `data.near_misses` and in the journal.
public struct NearMiss: Codable, Sendable, Hashable {
    /// One field that differs; a side is nil when the field is absent there.
    public struct Difference: Codable, Sendable, Hashable {
        /// `path`, `method`, `query.NAME`, `body.a.b`, or `call` when every recorded answer was used.
        public var field: String
        /// The recorded value (JSON text for body fields); nil when absent from the recording.
        public var recorded: String?
        /// The value received; nil when absent from the request.
        public var received: String?

        package init(field: String, recorded: String?, received: String?) {
            self.field = field
            self.recorded = recorded
            self.received = received
        }
    }

    /// The interaction, such as `catalogue-gb.yaml#3` (counting from 1).
    public var interaction: String
    /// Its line in the cassette file.
    public var line: Int
    /// Its request line, such as `GET /product/202309/categories`.
    public var request: String
    /// What differs, most telling first; at most ``maximumDifferences``.
    public var differences: [Difference]

    package init(interaction: String, line: Int, request: String, differences: [Difference]) {
        self.interaction = interaction
        self.line = line
        self.request = request
        self.differences = differences
    }
}
