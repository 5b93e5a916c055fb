/// A field of a request named for matching: `query.NAME`, or `body.` followed by dotted
/// member names, where `*` stands for any member or element (`body.items.*.sku`).
public struct FieldPath: Sendable, Hashable, CustomStringConvertible {
    /// The part of the request a field path points into.
    public enum Part: String, Sendable, Hashable, CaseIterable {
        /// A query parameter.
        case query
        /// A member of the JSON body.
        case body
    }

    /// The part of the request.
    public var part: Part
    /// The names below it; for `query`, exactly one.
    public var segments: [String]

    /// Parses `query.page_token` or `body.a.*.b`; nil when the text is not a field path.
    public init?(_ text: String) {
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = pieces.first, let part = Part(rawValue: first), pieces.count >= 2, !pieces.dropFirst().contains("") else { return nil }
        if part == .query, pieces.count != 2 { return nil }
        self.part = part
        self.segments = Array(pieces.dropFirst())
    }

    /// The path as written.
    public var description: String {
        ([part.rawValue] + segments).joined(separator: ".")
    }
}
