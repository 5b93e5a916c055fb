/// A coding key that accepts any string, used to see every key a YAML mapping holds.
struct AnyCodingKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        self.intValue = nil
    }

    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

/// Thrown while decoding when a mapping holds a key its type does not know.
struct UnknownKeyError: Error {
    /// The path of the mapping that holds the key.
    var codingPath: [any CodingKey]
    /// The unknown key.
    var key: String
    /// The keys the mapping accepts.
    var knownKeys: [String]
}

/// Thrown while decoding when a value has the right type but a wrong form or range.
struct InvalidValueError: Error {
    /// The path of the offending value.
    var codingPath: [any CodingKey]
    /// What is wrong with it.
    var message: String
}

/// Collects unknown keys while decoding goes on, so one pass reports every typo in a file.
final class UnknownKeyCollector: @unchecked Sendable {
    /// The key under which decoders find the collector in `userInfo`.
    static let userInfoKey = CodingUserInfoKey(rawValue: "tts-replay.unknown-keys")!

    // Decoding is synchronous and single-threaded; the collector never crosses threads.
    private(set) var errors: [UnknownKeyError] = []

    func record(_ error: UnknownKeyError) {
        errors.append(error)
    }
}

extension Decoder {
    /// Rejects keys that `Keys` does not list, so that a typo never passes silently as a default:
    /// recorded in the decoder's collector when it has one (decoding goes on), thrown otherwise.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        let collector = userInfo[UnknownKeyCollector.userInfoKey] as? UnknownKeyCollector
        for key in container.allKeys where !known.contains(key.stringValue) {
            let error = UnknownKeyError(codingPath: codingPath + [key], key: key.stringValue, knownKeys: known)
            guard let collector else { throw error }
            collector.record(error)
        }
    }

    /// Makes an error that points at the value being decoded.
    func invalidValue(_ message: String) -> InvalidValueError {
        InvalidValueError(codingPath: codingPath, message: message)
    }
}
