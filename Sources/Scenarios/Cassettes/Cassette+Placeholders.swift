extension Cassette {
    /// Whether a recorded value holds a redaction placeholder (`<redacted:sign:2>`, `<redacted>`,
    /// or one inside a longer value such as `Bearer <redacted:authorization:1>`): the recorder
    /// and the journal write them, and replay, derivation and conform read them as "any value".
    package static func holdsPlaceholder(_ value: String) -> Bool {
        // On the bytes: indexing a cassette asks it of every recorded value, and the generic
        // substring search cost more than reading the file.
        var value = value
        return value.withUTF8 { bytes in
            guard bytes.count >= placeholderStart.count else { return false }
            for start in 0...(bytes.count - placeholderStart.count) where bytes[start] == placeholderStart[0] {
                if UnsafeBufferPointer(rebasing: bytes[start..<(start + placeholderStart.count)]).elementsEqual(placeholderStart) { return true }
            }
            return false
        }
    }

    private static let placeholderStart = Array("<redacted".utf8)
}
