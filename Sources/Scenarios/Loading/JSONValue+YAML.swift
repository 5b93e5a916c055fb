import Yams

extension JSONValue {
    /// Reads a YAML node as JSON, with YAML's own typing: quoted scalars are strings, plain
    /// ones resolve to null, booleans, numbers or strings. Unlike decoding, mapping keys of any
    /// spelling (`"null"`, `"42"`, `"yes"`) are read as the strings they are.
    init(yaml node: Node) {
        switch node {
        case .scalar(let scalar):
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || Self.isPlainText(scalar.string) {
                self = .string(scalar.string)
                return
            }
            switch Resolver.default.resolveTag(of: node).rawValue {
            case Tag.Name.null.rawValue: self = .null
            case Tag.Name.bool.rawValue: self = Bool.construct(from: scalar).map(JSONValue.bool) ?? .string(scalar.string)
            case Tag.Name.int.rawValue: self = Int64.construct(from: scalar).map { .number(Double($0)) } ?? .string(scalar.string)
            case Tag.Name.float.rawValue: self = Double.construct(from: scalar).map(JSONValue.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping { members[key.string ?? ""] = JSONValue(yaml: value) }
            self = .object(members)
        case .sequence(let sequence):
            self = .array(sequence.map(JSONValue.init(yaml:)))
        case .alias:
            self = .null
        }
    }

    /// Whether a plain scalar can only be a string, without running the resolver's patterns:
    /// it starts with a letter that no null, boolean or number of YAML starts with.
    private static func isPlainText(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        let ambiguous: Set<UInt8> = Set("nNtTfFyYoO~".utf8)
        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20)
        return isLetter && !ambiguous.contains(first)
    }
}
