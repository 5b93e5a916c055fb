import HummingbirdCore

/// A request target's path and query, read as Hummingbird's `URI` reads them: for the
/// origin form (`/path?query#fragment`, what clients send), the path is everything before the
/// first `?` and the query what follows it up to the first `#`. That form is split by bytes
/// here; any other (absolute form, `*`) is left to `URI`.
struct RequestTarget: Sendable, Equatable {
    let path: String
    /// Empty when the target has no query.
    let query: String

    init(_ target: String) {
        let bytes = target.utf8
        guard bytes.first == UInt8(ascii: "/") else {
            let uri = URI(target)
            self.init(path: uri.path, query: uri.query ?? "")
            return
        }
        guard let questionMark = bytes.firstIndex(of: UInt8(ascii: "?")) else {
            self.init(path: target, query: "")
            return
        }
        let queryStart = bytes.index(after: questionMark)
        let queryEnd = bytes[queryStart...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
        self.init(
            path: String(decoding: bytes[..<questionMark], as: UTF8.self),
            query: String(decoding: bytes[queryStart..<queryEnd], as: UTF8.self)
        )
    }

    init(path: String, query: String) {
        self.path = path
        self.query = query
    }
}
