/// Any JSON value: for data the fake serves as it was written or recorded (attributes, rules,
/// request and response bodies), without fixing its shape in Swift.
public enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number (integers up to 2^53 round-trip exactly).
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// The member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element of an array at an index, or nil.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let array) = self, array.indices.contains(index) { return array[index] }
        return nil
    }

    /// The text of a string, or nil.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value of a boolean, or nil.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value of a number, or nil.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or nil.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members of an object, or nil.
    public var object: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }
}

extension JSONValue: Codable {
    /// A JSON object's members read from a document, as ``init(from:)`` reads the object: from its
    /// YAML node at once when the decoder has one.
    struct Members: Decodable {
        var members: [String: JSONValue]

        init(from decoder: any Decoder) throws {
            guard case .object(let members) = try JSONValue(from: decoder) else {
                throw DecodingError.typeMismatch(
                    [String: JSONValue].self,
                    DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "expected a mapping")
                )
            }
            self.members = members
        }
    }

    public init(from decoder: any Decoder) throws {
        // From a YAML document, read from its node at once: decoded key by key, a mapping of
        // n keys costs n lookups of n each.
        if let node = decoder.problems?.node(at: decoder.codingPath) {
            self.init(yaml: node)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 9e15 {
                try container.encode(Int64(value))
            } else {
                try container.encode(value)
            }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
