import Scenarios

/// A form-urlencoded text or a raw query (`a=1&b=2`) read on its UTF-8 bytes: fields split at
/// the bytes `&` and `=`, names and values percent-decoded only when they hold `%` or `+`.
///
/// One pass over the bytes and no `String.Index` walking: the journal reads every request's
/// query this way, and the recorder and the cassette matcher read form bodies the same way.
struct EncodedForm {
    /// One `name=value` field.
    struct Field {
        /// The name, decoded.
        var name: String
        /// The value, decoded; empty for a query field written without `=`.
        var value: String
        /// The field's bytes in the text, `name=value`.
        var range: Range<Int>
        /// Where its `=` stands, nil for a query field written without one.
        var equals: Int?
    }

    /// The fields, in the order written.
    let fields: [Field]

    /// Reads a form; nil when the bytes are not in that shape.
    ///
    /// - Parameter isQuery: Read a raw query: any text is one, a field without `=` has an
    ///   empty value. Otherwise the text must be non-empty, without whitespace or control
    ///   characters, and every field must have a name and `=`.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, isQuery: Bool) {
        if !isQuery {
            guard !bytes.isEmpty, !Self.holdsSpace(bytes) else { return nil }
        }
        var fields: [Field] = []
        // One allocation for the fields of a usual form, not one per doubling.
        fields.reserveCapacity(FormParts.partsToReserve(in: bytes))
        var parts = FormParts(bytes)
        while let (range, equals) = parts.next() {
            if let equals, equals > range.lowerBound {
                let name = Self.decoded(UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<equals]))
                let value = Self.decoded(UnsafeBufferPointer(rebasing: bytes[(equals + 1)..<range.upperBound]))
                fields.append(Field(name: name, value: value, range: range, equals: equals))
            } else if isQuery {
                fields.append(Field(name: Self.decoded(UnsafeBufferPointer(rebasing: bytes[range])), value: "", range: range))
            } else {
                return nil
            }
        }
        guard isQuery || !fields.isEmpty else { return nil }
        self.fields = fields
    }

    /// Reads a form from bytes; nil when they are not in that shape.
    init?(_ bytes: [UInt8], isQuery: Bool) {
        guard let form = bytes.withUnsafeBufferPointer({ EncodedForm($0, isQuery: isQuery) }) else { return nil }
        self = form
    }

    /// Reads a form from a text; nil when it is not in that shape.
    init?(_ text: String, isQuery: Bool) {
        var text = text
        guard let form = text.withUTF8({ EncodedForm($0, isQuery: isQuery) }) else { return nil }
        self = form
    }

    /// The bytes with each field whose decoded value the table changes rewritten
    /// `name=<placeholder>`, the rest kept byte for byte; nil when nothing changed.
    ///
    /// - Parameter isSecretField: Whether the name of the field at this index of ``fields``
    ///   holds a secret (its value is then replaced when it is any secret of the table,
    ///   whatever its length).
    func replacing(in bytes: UnsafeBufferPointer<UInt8>, with table: SecretTable, isSecretField: (_ index: Int) -> Bool) -> [UInt8]? {
        var result: [UInt8] = []
        var copied = 0
        for (index, field) in fields.enumerated() {
            guard let equals = field.equals else { continue }
            let replaced = table.replacing(field.value, underSecretName: isSecretField(index))
            guard replaced != field.value else { continue }
            if result.isEmpty { result.reserveCapacity(bytes.count + 16) }
            result += UnsafeBufferPointer(rebasing: bytes[copied...equals])
            result += replaced.utf8
            copied = field.range.upperBound
        }
        guard copied > 0 else { return nil }
        result += UnsafeBufferPointer(rebasing: bytes[copied...])
        return result
    }

    /// Whether a form text holds whitespace or a control character, which no form body does.
    private static func holdsSpace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
        }
        return bytes.contains { $0 <= 0x20 }
    }

    /// Percent-decoded, with `+` as a space; the text as written when it is not valid
    /// percent-encoding or does not decode to UTF-8.
    static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        QueryString.percentDecoded(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }
}
