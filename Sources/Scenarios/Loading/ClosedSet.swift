/// Decodes a string enum with a diagnostic that lists the accepted values (and the closest one).
struct ClosedSet<Value: RawRepresentable & CaseIterable>: Decodable where Value.RawValue == String {
    var value: Value

    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Value(rawValue: text) else {
            let accepted = Value.allCases.map(\.rawValue)
            var message = "'\(text)' is not one of: \(accepted.joined(separator: ", "))"
            if let suggestion = DidYouMean.suggestion(for: text, among: accepted) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw decoder.invalidValue(message)
        }
        self.value = value
    }
}

extension KeyedDecodingContainer {
    /// Decodes an optional string enum, with a clear message for values outside the set.
    func decodeIfPresent<Value: RawRepresentable & CaseIterable>(oneOf type: Value.Type, forKey key: Key) throws -> Value?
    where Value.RawValue == String {
        try decodeIfPresent(ClosedSet<Value>.self, forKey: key)?.value
    }
}
