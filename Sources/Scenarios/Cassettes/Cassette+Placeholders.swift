extension Cassette {
    /// Whether a recorded value holds a redaction placeholder (`<redacted:sign:2>`, `<redacted>`,
    /// or one inside a longer value such as `Bearer <redacted:authorization:1>`): the recorder
    /// and the journal write them, and replay, derivation and conform read them as "any value".
    package static func holdsPlaceholder(_ value: String) -> Bool {
        value.contains("<redacted")
    }
}
