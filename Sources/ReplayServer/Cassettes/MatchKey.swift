import Foundation
import ReplayJournal
import Scenarios

/// A request reduced to what a matching rule compares, as one text: the query without the
/// parameters that change on every call or are ignored, sorted, then the body as canonical
/// text. Equal keys mean the request matches, so lookup is one hash per rule, however large
/// the cassette.
struct MatchKey: Hashable, Sendable {
    var text: String

    /// The request the key was made from, as far as its rule compares it: method, path, the
    /// compared query parameters and the compared body. Near misses are described from it.
    func recordedRequest() -> Cassette.RecordedRequest {
        // scope (rule, method, path, each ended by 5), then name 1 value 2 per parameter, then 3, then the body.
        let bytes = Array(text.utf8)
        var fields: [String] = []
        var start = 0
        var position = 0
        while fields.count < 3, position < bytes.count {
            if bytes[position] == 5 {
                fields.append(String(decoding: bytes[start..<position], as: UTF8.self))
                start = position + 1
            }
            position += 1
        }
        guard fields.count == 3 else { return Cassette.RecordedRequest(method: "", path: "") }
        var query: [String: String] = [:]
        var name = ""
        while position < bytes.count, bytes[position] != 3 {
            switch bytes[position] {
            case 1:
                name = String(decoding: bytes[start..<position], as: UTF8.self)
                start = position + 1
            case 2:
                query[name] = String(decoding: bytes[start..<position], as: UTF8.self)
                start = position + 1
            default: break
            }
            position += 1
        }
        let rest = bytes[min(position + 1, bytes.count)...]
        let body: Cassette.Body
        if rest.isEmpty {
            body = .none
        } else if rest.first == 4 {
            body = .text(String(decoding: rest.dropFirst(), as: UTF8.self))
        } else {
            body =
                (try? JSONDecoder().decode(JSONValue.self, from: Data(rest))).map(Cassette.Body.json) ?? .text(String(decoding: rest, as: UTF8.self))
        }
        return Cassette.RecordedRequest(method: fields[1], path: fields[2], query: query, body: body)
    }

    /// The same key in a buffer of its own size: a key is built with room to spare, and the
    /// index keeps one per interaction.
    func compacted() -> MatchKey {
        MatchKey(text: text.detached())
    }
}

/// A matching rule ready to apply: what to drop from the query and the body, and whether arrays are sorted.
struct CompiledRule: Hashable, Sendable {
    /// Query parameters that change on every call (signing and credentials): never matched.
    static let volatileQuery = RequestParameter.volatile

    /// Few names, so a list compares faster than a set hashes.
    var ignoredQuery: [String]
    var ignoredBody: [[String]]
    var ignoreArrayOrder: Bool

    init(_ rule: Cassette.MatchRule) {
        self.ignoredQuery = Self.volatileQuery.union(rule.ignore.filter { $0.part == .query }.map { $0.segments[0] }).sorted()
        self.ignoredBody = rule.ignore.filter { $0.part == .body }.map(\.segments).sorted { $0.lexicographicallyPrecedes($1) }
        self.ignoreArrayOrder = rule.ignoreArrayOrder
    }

    /// The query pairs this rule compares, sorted.
    func query(_ pairs: some Sequence<(name: String, value: String)>) -> [(name: String, value: String)] {
        pairs.filter { !ignoredQuery.contains($0.name) }.sorted { ($0.name, $0.value) < ($1.name, $1.value) }
    }

    /// The body this rule compares: ignored fields removed, from a JSON body or from a
    /// form-urlencoded one (where `body.NAME` is a field).
    func body(_ body: Cassette.Body) -> Cassette.Body {
        guard !ignoredBody.isEmpty else { return body }
        switch body {
        case .json(var value):
            for path in ignoredBody { value = Self.removing(path[...], from: value) }
            return .json(value)
        case .text(let raw):
            guard let fields = SecretFields.formFields(raw) else { return body }
            let ignored = Set(ignoredBody.map { $0.joined(separator: ".") })
            return .text(fields.filter { !ignored.contains($0.name) }.map { raw[$0.range] }.joined(separator: "&"))
        case .none:
            return body
        }
    }

    /// The key of a request under this rule, built in one string after `scope` (control
    /// characters separate the parts, so no two requests share a key).
    func key(_ scope: String = "", query pairs: some Sequence<(name: String, value: String)>, body: Cassette.Body) -> MatchKey {
        var text = ""
        text.reserveCapacity(160 + scope.utf8.count)
        text += scope
        for pair in query(pairs) {
            text += pair.name
            text += "\u{1}"
            text += pair.value
            text += "\u{2}"
        }
        text += "\u{3}"
        switch self.body(body) {
        case .none: break
        case .json(let value): CanonicalJSON.write(value, sortingArrays: ignoreArrayOrder, to: &text)
        case .text(let raw):
            text += "\u{4}"
            text += raw
        }
        return MatchKey(text: text)
    }

    private static func removing(_ path: ArraySlice<String>, from value: JSONValue) -> JSONValue {
        guard let head = path.first else { return value }
        let rest = path.dropFirst()
        switch value {
        case .object(var members):
            if head == "*" {
                if rest.isEmpty { return .object([:]) }
                for (name, member) in members { members[name] = removing(rest, from: member) }
            } else if rest.isEmpty {
                members[head] = nil
            } else if let member = members[head] {
                members[head] = removing(rest, from: member)
            }
            return .object(members)
        case .array(let elements):
            guard head == "*" || Int(head) != nil else { return value }
            if head == "*" { return rest.isEmpty ? .array([]) : .array(elements.map { removing(rest, from: $0) }) }
            let index = Int(head)!
            guard elements.indices.contains(index) else { return value }
            var copy = elements
            if rest.isEmpty { copy.remove(at: index) } else { copy[index] = removing(rest, from: copy[index]) }
            return .array(copy)
        default:
            return value
        }
    }
}

/// JSON as text with sorted keys and one spelling per number: equal values, equal text.
enum CanonicalJSON {
    static func text(_ value: JSONValue, sortingArrays: Bool = false) -> String {
        var output = ""
        write(value, sortingArrays: sortingArrays, to: &output)
        return output
    }

    static func write(_ value: JSONValue, sortingArrays: Bool, to output: inout String) {
        switch value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number):
            output += number.rounded() == number && abs(number) < 9e15 ? String(Int64(number)) : String(number)
        case .string(let string): JSONString.append(string, to: &output)
        case .array(let elements):
            var parts = elements.map { text($0, sortingArrays: sortingArrays) }
            if sortingArrays { parts.sort() }
            output += "[" + parts.joined(separator: ",") + "]"
        case .object(let members):
            output += "{"
            for (index, name) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                JSONString.append(name, to: &output)
                output += ":"
                write(members[name]!, sortingArrays: sortingArrays, to: &output)
            }
            output += "}"
        }
    }
}
