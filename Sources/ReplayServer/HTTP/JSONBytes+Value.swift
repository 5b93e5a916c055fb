import ReplayJournal
import Scenarios

extension JSONBytes {
    /// A JSON value written as the generic `encode` writes any value (Foundation's `JSONEncoder`
    /// with sorted keys and slashes unescaped), byte for byte, without the encoder:
    /// indexing a large cassette writes every recorded answer, and the encoder's generic path
    /// was most of that cost.
    ///
    /// The rules are the encoder's on Linux: members sorted by the bytes of their names,
    /// `"`, `\` and control characters escaped (`\b`, `\f`, `\n`, `\r`, `\t`, else `\u00XX`),
    /// numbers as ``JSONValue`` encodes them (an integral value below 9e15 as an integer).
    /// A fractional or huge number is written by the encoder itself; a value the encoder
    /// refuses (nested too deep, a number that is not finite) goes through it whole, to be
    /// refused the same way.
    static func encode(_ value: JSONValue) -> [UInt8] {
        var writer = JSONValueWriter()
        guard writer.write(value, depth: 1) else { return encode(EncodedThroughFoundation(value: value)) }
        return writer.bytes
    }

    /// Sends a value through the generic path: the reference the fast writer must equal.
    struct EncodedThroughFoundation: Encodable {
        let value: JSONValue

        func encode(to encoder: any Encoder) throws {
            try value.encode(to: encoder)
        }
    }
}

/// The writer behind `JSONBytes.encode(_: JSONValue)`.
private struct JSONValueWriter {
    /// The encoder refuses containers nested this deep or deeper.
    static let maximumDepth = 512

    var bytes: [UInt8] = []

    /// Writes a value; false when the encoder would refuse it.
    mutating func write(_ value: JSONValue, depth: Int) -> Bool {
        switch value {
        case .null: bytes += "null".utf8
        case .bool(let value): bytes += (value ? "true" : "false").utf8
        case .number(let value): guard writeNumber(value) else { return false }
        case .string(let text): writeString(text)
        case .array(let elements):
            guard depth < Self.maximumDepth else { return false }
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                guard write(element, depth: depth + 1) else { return false }
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            guard depth < Self.maximumDepth else { return false }
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeString(member.key)
                bytes.append(UInt8(ascii: ":"))
                guard write(member.value, depth: depth + 1) else { return false }
            }
            bytes.append(UInt8(ascii: "}"))
        }
        return true
    }

    /// An integral number below 9e15 as an integer, as ``JSONValue`` encodes it; any other
    /// finite one as the encoder writes a lone `Double`; false for one that is not finite.
    private mutating func writeNumber(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        if value.rounded() == value, abs(value) < 9e15 {
            bytes += String(Int64(value)).utf8
        } else {
            bytes += JSONBytes.encode(JSONBytes.EncodedThroughFoundation(value: .number(value)))
        }
        return true
    }

    private mutating func writeString(_ text: String) {
        JSONString.append(text, to: &bytes)
    }
}
