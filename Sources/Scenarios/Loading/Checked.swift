/// A value decoded so that a problem with it is recorded rather than thrown: decoding goes on
/// with the rest of the document, and this value reads as nil.
///
/// A value with a problem anywhere inside it (a member of the wrong type, a missing required
/// key, an unknown key) is nil too, so a placeholder that a model's initialiser puts in place of
/// a bad member never leaves the decoding: checks that compare values across the file see only
/// values that were read whole.
struct Checked<Value: Decodable>: Decodable {
    /// The value, or nil when it or anything inside it did not fit.
    var value: Value?

    init(from decoder: any Decoder) throws {
        // Through the container, so that Yams reads scalars (dates included) its own way.
        guard let problems = decoder.problems else {
            self.value = try decoder.singleValueContainer().decode(Value.self)
            return
        }
        let before = problems.errors.count
        do {
            let value = try decoder.singleValueContainer().decode(Value.self)
            self.value = problems.errors.count == before ? value : nil
        } catch {
            problems.record(error)
            self.value = nil
        }
    }
}

/// A keyed container whose reads record a value that does not fit and go on: the model types'
/// initialisers read every member through it, so one pass finds every problem of a file.
struct CheckedContainer<Key: CodingKey> {
    private let decoder: any Decoder
    private let container: KeyedDecodingContainer<Key>

    /// Reads a mapping whose keys are `Key`; an unknown key is recorded.
    ///
    /// - Throws: When the value is not a mapping (the caller's ``Checked`` records that).
    init(_ decoder: any Decoder, keyedBy keys: Key.Type) throws where Key: CaseIterable {
        try decoder.rejectUnknownKeys(keys)
        self.decoder = decoder
        self.container = try decoder.container(keyedBy: keys)
    }

    /// Whether the mapping has the key (with any value, null included).
    func contains(_ key: Key) -> Bool {
        container.contains(key)
    }

    /// The mapping's keys that `Key` lists, in no particular order.
    var allKeys: [Key] { container.allKeys }

    /// A scalar key's value when it is there and fits, without recording anything: a look ahead.
    func peek<T: Decodable>(_ type: T.Type, forKey key: Key) -> T? {
        try? container.decodeIfPresent(type, forKey: key)
    }

    /// An optional key's value: nil when absent or null, and nil (the problem recorded) when it
    /// does not fit.
    func optional<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try container.decodeIfPresent(Checked<T>.self, forKey: key)?.value
    }

    /// An optional string enum, with a message that lists the accepted values.
    func optional<T: RawRepresentable & CaseIterable>(oneOf type: T.Type, forKey key: Key) throws -> T? where T.RawValue == String {
        try optional(ClosedSet<T>.self, forKey: key)?.value
    }

    /// A required key's value: nil when it is missing or does not fit, each recorded. The
    /// caller puts a placeholder in its place, which ``Checked`` never lets out.
    func required<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard container.contains(key) else {
            try decoder.record(DecodingError.keyNotFound(key, .init(codingPath: container.codingPath, debugDescription: "missing")))
            return nil
        }
        return try container.decode(Checked<T>.self, forKey: key).value
    }

    /// A list read element by element: nil for an element that does not fit (so indices stay the
    /// file's), nil for the whole when the key is absent, null or not a list (recorded).
    func list<T: Decodable>(of type: T.Type, forKey key: Key) throws -> [T?]? {
        try collection([Checked<T>].self, forKey: key)?.map(\.value)
    }

    /// A list of string enums, each checked.
    func list<T: RawRepresentable & CaseIterable>(oneOf type: T.Type, forKey key: Key) throws -> [T?]? where T.RawValue == String {
        try list(of: ClosedSet<T>.self, forKey: key)?.map { $0?.value }
    }

    /// A mapping of string keys read value by value: nil for a value that does not fit.
    func mapping<T: Decodable>(of type: T.Type, forKey key: Key) throws -> [String: T?]? {
        if T.self == String.self, let wide = decoder.problems?.strings(ofWideMappingAt: container.codingPath + [key]) {
            return wide.mapValues { $0 as? T }
        }
        return try collection([String: Checked<T>].self, forKey: key)?.mapValues(\.value)
    }

    /// A collection of checked elements: only a problem with the collection itself is met here.
    private func collection<C: Decodable>(_ type: C.Type, forKey key: Key) throws -> C? {
        do {
            return try container.decodeIfPresent(type, forKey: key)
        } catch {
            try decoder.record(error)
            return nil
        }
    }
}

extension Decoder {
    /// A checked container over the mapping being decoded; see ``CheckedContainer``.
    func checkedContainer<Key: CodingKey & CaseIterable>(keyedBy keys: Key.Type) throws -> CheckedContainer<Key> {
        try CheckedContainer(self, keyedBy: keys)
    }
}
