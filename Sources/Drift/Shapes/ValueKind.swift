import Scenarios

/// The kind of a JSON value, as shapes compare them.
package enum ValueKind: String, Sendable, Hashable, CaseIterable, Comparable {
    case object, array, string, number, boolean, null
    /// A value `record` replaced with a placeholder (`<redacted:KIND:N>`): its kind is unknown,
    /// so it agrees with every kind.
    case redacted

    init(_ value: JSONValue) {
        switch value {
        case .object: self = .object
        case .array: self = .array
        case .string(let text): self = Cassette.holdsPlaceholder(text) ? .redacted : .string
        case .number: self = .number
        case .bool: self = .boolean
        case .null: self = .null
        }
    }

    package static func < (lhs: ValueKind, rhs: ValueKind) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
