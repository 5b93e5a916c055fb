import Yams

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

/// Every problem met while decoding one document, so that one pass reports them all: unknown
/// keys, values of the wrong type or form, missing required keys.
///
/// A decoder finds it in its `userInfo`. Decoding goes on past a recorded problem: the value
/// that holds it decodes as nil (see ``Checked``), the rest of the document as usual. Without a
/// collector every problem is thrown, as plain `Decodable` does.
final class DecodingProblems: @unchecked Sendable {
    /// The key under which decoders find the collector in `userInfo`.
    static let userInfoKey = CodingUserInfoKey(rawValue: "tts-replay.decoding-problems")!

    // Decoding is synchronous and single-threaded; the collector never crosses threads.
    /// The problems, in the order decoding met them, at most ``maximumKept``.
    private(set) var errors: [any Error] = []

    /// The problems met past ``maximumKept``: counted, not kept (each costs a search for its
    /// place in the file, and 10,000 unknown keys would make that quadratic).
    private(set) var notKept = 0

    /// The most problems kept for one document.
    static let maximumKept = 100

    /// The document's node tree, for values read from their node rather than decoded key by
    /// key (``JSONValue``: a mapping's keys looked up one by one cost its size each).
    let root: Node?

    init(root: Node? = nil) {
        self.root = root
    }

    /// Records a problem.
    func record(_ error: any Error) {
        guard errors.count < Self.maximumKept else {
            notKept += 1
            return
        }
        errors.append(error)
    }

    /// How many members make a mapping of strings wide enough to be read from its node (see
    /// ``strings(ofWideMappingAt:)``); narrower ones are decoded as usual.
    static let wideMapping = 64

    /// The members of the mapping at `path` as strings, read from its node at once, when it has
    /// more than ``wideMapping`` members: decoded key by key (Yams looks each key up through the
    /// mapping), 20,000 query parameters cost 20,000 lookups of 20,000. A member that is not a
    /// scalar is recorded as a type mismatch and reads as nil. Nil when the node is no such
    /// mapping: the caller decodes it as usual.
    func strings(ofWideMappingAt path: [any CodingKey]) -> [String: String?]? {
        guard case .mapping(let mapping)? = node(at: path), mapping.count > Self.wideMapping else { return nil }
        var strings: [String: String?] = [:]
        strings.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let name = key.string ?? ""
            if case .scalar(let scalar) = value {
                strings[name] = scalar.string
            } else {
                let context = DecodingError.Context(codingPath: path + [AnyCodingKey(stringValue: name)], debugDescription: "expected a single value")
                record(DecodingError.typeMismatch(Node.Scalar.self, context))
                strings[name] = .some(nil)
            }
        }
        return strings
    }

    /// The node at a coding path from the root, nil when there is none.
    func node(at path: [any CodingKey]) -> Node? {
        guard var node = root else { return nil }
        for key in path {
            switch node {
            case .mapping(let mapping):
                guard let value = mapping.first(where: { $0.key.string == key.stringValue })?.value else { return nil }
                node = value
            case .sequence(let sequence):
                guard let index = key.intValue, sequence.indices.contains(index) else { return nil }
                node = sequence[index]
            default:
                return nil
            }
        }
        return node
    }
}

extension Decoder {
    /// The collector of the document being decoded, if it has one.
    var problems: DecodingProblems? {
        userInfo[DecodingProblems.userInfoKey] as? DecodingProblems
    }

    /// Records a problem when the decoder has a collector (decoding goes on), throws it otherwise.
    func record(_ error: any Error) throws {
        guard let problems else { throw error }
        problems.record(error)
    }

    /// Rejects keys that `Keys` does not list, so that a typo never passes silently as a default:
    /// recorded when the decoder has a collector (decoding goes on), thrown otherwise.
    func rejectUnknownKeys<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) throws {
        let container = try self.container(keyedBy: AnyCodingKey.self)
        let known = Keys.allCases.map(\.stringValue)
        for key in container.allKeys where !known.contains(key.stringValue) {
            try record(UnknownKeyError(codingPath: codingPath + [key], key: key.stringValue, knownKeys: known))
        }
    }

    /// Makes an error that points at the value being decoded.
    func invalidValue(_ message: String) -> InvalidValueError {
        InvalidValueError(codingPath: codingPath, message: message)
    }

    /// Records that the value being decoded (or its member at `key`) has the right type but a
    /// wrong form or range; thrown when the decoder has no collector.
    func reject(_ message: String, at key: (any CodingKey)? = nil) throws {
        try record(InvalidValueError(codingPath: codingPath + (key.map { [$0] } ?? []), message: message))
    }
}
