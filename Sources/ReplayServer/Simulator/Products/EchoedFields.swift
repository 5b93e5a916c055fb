import Scenarios

/// A payload with fields the client sent added as they were sent: the typed payload's keys,
/// then each echoed field beside them in the same JSON object.
struct EchoedFields<Base: Encodable & Sendable>: Encodable, Sendable {
    var base: Base
    var fields: [String: JSONValue]

    init(_ base: Base, fields: [String: JSONValue]) {
        self.base = base
        self.fields = fields
    }

    func encode(to encoder: any Encoder) throws {
        try base.encode(to: encoder)
        var container = encoder.container(keyedBy: FieldKey.self)
        for (name, value) in fields {
            try container.encode(value, forKey: FieldKey(stringValue: name))
        }
    }

    private struct FieldKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
