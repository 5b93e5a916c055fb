import Foundation
import Yams

/// Builds a cassette from libyaml's events in one pass, without a node tree and without Yams'
/// regular expressions: the way a large, well-formed cassette is loaded.
///
/// It reads the model as the decoder of the node tree does (``CassetteFile``, ``JSONValue/init(yaml:)``),
/// scalars typed by their style and ``YAMLPlainScalar``, and gives up at the first thing it does not
/// cover: a syntax error, a value the decoder would refuse, an unknown or repeated key, a tag, an
/// anchor or an alias, a merge key, several documents. Whoever called it then reads the file
/// through the node tree, which gives the same cassette or reports the problems at their
/// file:line:column; so this pass never reports anything itself and never needs to.
///
/// The metadata at the top (everything but `interactions`) is small: its nodes are built and
/// decoded by ``CassetteFile`` itself.
struct CassetteEventDecoder {
    /// The reason the pass stops: something it leaves to the node tree.
    struct Unsupported: Error {}

    private let events: YAMLEventReader
    /// The number of lines before the text read in its file (more than 0 for a part of a file).
    private let lineOffset: Int

    /// The cassette in `text`, or nil when the text holds anything this pass does not cover.
    ///
    /// - Parameter parts: Into how many parts of consecutive interactions to cut a cassette of
    ///   the plain layout (see ``CassetteOutline``), each read on a core of its own; by default
    ///   one per core for a text of 4 MiB or more, else 1. The cassette is the same either way.
    static func cassette(from text: String, sourcePath: String?, parts: Int? = nil) -> Cassette? {
        let parts = parts ?? (text.utf8.count >= 4 * 1_048_576 ? min(ProcessInfo.processInfo.activeProcessorCount, 8) : 1)
        if parts > 1, let cassette = cassette(from: text, sourcePath: sourcePath, inParts: parts) { return cassette }
        var text = text
        return text.withUTF8 { bytes in
            try? CassetteEventDecoder(bytes: bytes).file(sourcePath: sourcePath).cassette
        }
    }

    init(bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int = 0) {
        self.events = YAMLEventReader(bytes: bytes)
        self.lineOffset = lineOffset
    }

    // MARK: - The file

    /// The whole file: the cassette, and where its `interactions` key is.
    func file(sourcePath: String?) throws(Unsupported) -> (cassette: Cassette, interactionsKey: (line: Int, column: Int)) {
        try expect(.streamStart)
        try expect(.documentStart)
        try advance()
        try expectMapping()
        var head: [(Node, Node)] = []
        var keys: Set<String> = []
        var interactions: [Cassette.Interaction]?
        var interactionsKey = (line: 0, column: 0)
        while try advance() != .mappingEnd {
            try expectScalar()
            let key = events.scalarText
            // Notifications are few and their lines come from the node tree's marks.
            guard keys.insert(key).inserted, key != "notifications" else { throw Unsupported() }
            if key == "interactions" {
                interactionsKey = events.start
                try advance()
                interactions = try self.interactions()
            } else {
                let keyNode = scalarNode()
                try advance()
                head.append((keyNode, try node()))
            }
        }
        try expectEnd()
        guard let interactions else { throw Unsupported() }
        head.append((Node("interactions"), Node.sequence(Node.Sequence([]))))
        do {
            let file = try YAMLDecoder().decode(CassetteFile.self, from: Node.mapping(Node.Mapping(head)))
            return (
                Cassette(file, interactions: interactions, head: Node.mapping([:]), lineOffset: lineOffset, sourcePath: sourcePath), interactionsKey
            )
        } catch {
            throw Unsupported()
        }
    }

    /// A part of a file's `interactions`: consecutive items, as a document of their own.
    func items() throws(Unsupported) -> [Cassette.Interaction] {
        try expect(.streamStart)
        try expect(.documentStart)
        try advance()
        let interactions = try self.interactions()
        try expectEnd()
        return interactions
    }

    /// The end of the document and of the text: a second document is left to the node tree.
    private func expectEnd() throws(Unsupported) {
        try expect(.documentEnd)
        try expect(.streamEnd)
    }

    private func interactions() throws(Unsupported) -> [Cassette.Interaction] {
        guard events.kind == .sequenceStart, !events.isTaggedOrAnchored else { throw Unsupported() }
        var interactions: [Cassette.Interaction] = []
        while try advance() != .sequenceEnd {
            interactions.append(try interaction())
        }
        return interactions
    }

    // MARK: - An interaction

    private func interaction() throws(Unsupported) -> Cassette.Interaction {
        try expectMapping()
        let line = events.start.line + lineOffset
        var request: Cassette.RecordedRequest?
        var response: Cassette.RecordedResponse?
        var match: Cassette.MatchRule??
        while try advance() != .mappingEnd {
            try expectScalar()
            if events.scalarIs("request"), request == nil {
                try advance()
                request = try self.request()
            } else if events.scalarIs("response"), response == nil {
                try advance()
                response = try self.response()
            } else if events.scalarIs("match"), match == nil {
                try advance()
                match = .some(try isNull ? nil : matchRule())
            } else {
                throw Unsupported()
            }
        }
        guard let request, let response else { throw Unsupported() }
        return Cassette.Interaction(request: request, response: response, match: (match ?? nil) ?? Cassette.MatchRule(), line: line)
    }

    private func request() throws(Unsupported) -> Cassette.RecordedRequest {
        try expectMapping()
        var method: String?
        var path: String?
        var query: [String: String]?
        var headers: [String: String]?
        var body = BodyKeys()
        while try advance() != .mappingEnd {
            try expectScalar()
            if events.scalarIs("method"), method == nil {
                try advance()
                method = try text().uppercased()
            } else if events.scalarIs("path"), path == nil {
                try advance()
                path = try text()
            } else if events.scalarIs("query"), query == nil {
                try advance()
                query = try isNull ? [:] : texts()
            } else if events.scalarIs("headers"), headers == nil {
                try advance()
                headers = try isNull ? [:] : lowercased(texts())
            } else if try !readBody(into: &body) {
                throw Unsupported()
            }
        }
        guard let method, RequestEntry.methods.contains(method) else { throw Unsupported() }
        // Bytes, not `String.contains(_:)`, which goes through Foundation's string search.
        guard let path, path.utf8.first == UInt8(ascii: "/"), !path.utf8.contains(UInt8(ascii: "?")) else { throw Unsupported() }
        return Cassette.RecordedRequest(method: method, path: path, query: query ?? [:], headers: headers ?? [:], body: try body.body())
    }

    private func response() throws(Unsupported) -> Cassette.RecordedResponse {
        try expectMapping()
        var status: Int?
        var headers: [String: String]?
        var body = BodyKeys()
        while try advance() != .mappingEnd {
            try expectScalar()
            if events.scalarIs("status"), status == nil {
                try advance()
                status = try isNull ? 200 : httpStatus()
            } else if events.scalarIs("headers"), headers == nil {
                try advance()
                headers = try isNull ? [:] : lowercased(texts())
            } else if try !readBody(into: &body) {
                throw Unsupported()
            }
        }
        return Cassette.RecordedResponse(status: status ?? 200, headers: headers ?? [:], body: try body.body())
    }

    /// `body` (JSON) and `body_text`, as ``BodyEntry`` reads them: a null `body` is JSON null, a
    /// null `body_text` is no text, and both given is an error.
    private struct BodyKeys {
        var json: JSONValue?
        var text: String??

        func body() throws(Unsupported) -> Cassette.Body {
            switch (json, text ?? nil) {
            case (.some, .some): throw Unsupported()
            case (.some(let value), nil): .json(value)
            case (nil, .some(let raw)): .text(raw)
            case (nil, nil): .none
            }
        }
    }

    /// Reads the value of `body` or `body_text` when the current key is one of them (the first time).
    private func readBody(into body: inout BodyKeys) throws(Unsupported) -> Bool {
        if events.scalarIs("body"), body.json == nil {
            try advance()
            body.json = try json()
        } else if events.scalarIs("body_text"), body.text == nil {
            try advance()
            body.text = .some(try isNull ? nil : text())
        } else {
            return false
        }
        return true
    }

    /// A `status`: a plain decimal integer, from 100 to 599.
    private func httpStatus() throws(Unsupported) -> Int {
        try expectScalar()
        let bytes = events.scalarBytes
        guard events.scalarStyle == .plain, (1...3).contains(bytes.count), bytes.first != UInt8(ascii: "0"),
            let status = Int(events.scalarText), (100...599).contains(status)
        else { throw Unsupported() }
        return status
    }

    /// A `match`: `ignore` (field paths) and `ignore_array_order`.
    private func matchRule() throws(Unsupported) -> Cassette.MatchRule {
        try expectMapping()
        var ignore: [FieldPath]?
        var ignoreArrayOrder: Bool?
        while try advance() != .mappingEnd {
            try expectScalar()
            if events.scalarIs("ignore"), ignore == nil {
                try advance()
                ignore = try isNull ? [] : fieldPaths()
            } else if events.scalarIs("ignore_array_order"), ignoreArrayOrder == nil {
                try advance()
                ignoreArrayOrder = try isNull ? false : flag()
            } else {
                throw Unsupported()
            }
        }
        return Cassette.MatchRule(ignore: ignore ?? [], ignoreArrayOrder: ignoreArrayOrder ?? false)
    }

    private func fieldPaths() throws(Unsupported) -> [FieldPath] {
        guard events.kind == .sequenceStart, !events.isTaggedOrAnchored else { throw Unsupported() }
        var paths: [FieldPath] = []
        while try advance() != .sequenceEnd {
            guard let path = FieldPath(try text()) else { throw Unsupported() }
            paths.append(path)
        }
        return paths
    }

    /// A plain boolean, spelled as Yams' `Bool.construct` reads it (`true`, `Yes`, `off`, in any case).
    private func flag() throws(Unsupported) -> Bool {
        try expectScalar()
        guard events.scalarStyle == .plain else { throw Unsupported() }
        switch events.scalarText.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw Unsupported()
        }
    }

    // MARK: - Values

    /// A scalar's text, whatever its style: what decoding a `String` gives.
    private func text() throws(Unsupported) -> String {
        try expectScalar()
        return events.scalarText
    }

    /// A mapping of scalars read as the text written (query parameters, headers), as decoding a
    /// `[String: ScalarText]` gives it.
    private func texts() throws(Unsupported) -> [String: String] {
        try expectMapping()
        var texts: [String: String] = [:]
        while try advance() != .mappingEnd {
            try expectScalar()
            let key = events.scalarText
            // The decoder finds a value by its key's text typed as a plain scalar: a quoted `'1'`
            // or `'true'` is not found that way; `<<` merges, `=` and Yams' own keys are special.
            if events.scalarStyle == .plain {
                guard key != "<<", key != "=" else { throw Unsupported() }
            } else {
                guard YAMLPlainScalar.resolve(key) == .string else { throw Unsupported() }
            }
            guard key != "yamlAnchor", key != "yamlTag" else { throw Unsupported() }
            try advance()
            guard texts.updateValue(try text(), forKey: key) == nil else { throw Unsupported() }
        }
        return texts
    }

    /// Header names in lower case; two spellings of one name are left to the node tree.
    private func lowercased(_ headers: [String: String]) throws(Unsupported) -> [String: String] {
        var lowercased: [String: String] = [:]
        lowercased.reserveCapacity(headers.count)
        for (name, value) in headers {
            guard lowercased.updateValue(value, forKey: name.lowercased()) == nil else { throw Unsupported() }
        }
        return lowercased
    }

    /// A JSON body written as YAML, typed as ``JSONValue/init(yaml:)`` types it.
    private func json() throws(Unsupported) -> JSONValue {
        guard !events.isTaggedOrAnchored else { throw Unsupported() }
        switch events.kind {
        case .scalar:
            return scalarJSON()
        case .sequenceStart:
            var elements: [JSONValue] = []
            while try advance() != .sequenceEnd {
                elements.append(try json())
            }
            return .array(elements)
        case .mappingStart:
            var members: [String: JSONValue] = [:]
            while try advance() != .mappingEnd {
                try expectScalar()
                let key = events.scalarText
                try advance()
                guard members.updateValue(try json(), forKey: key) == nil else { throw Unsupported() }
            }
            return .object(members)
        default:
            throw Unsupported()
        }
    }

    /// A scalar as JSON: quoted, literal and folded scalars are strings; plain ones are typed by
    /// the default resolver's rules and built by Yams' constructors, as the node tree's are.
    private func scalarJSON() -> JSONValue {
        let text = events.scalarText
        guard events.scalarStyle == .plain else { return .string(text) }
        switch YAMLPlainScalar.resolve(text) {
        case .null:
            return .null
        case .bool:
            return .bool(["true", "yes", "on"].contains(text.lowercased()))
        case .int:
            let integer = Self.isDecimal(text) ? Int64(text) : Int64.construct(from: Node.Scalar(text, Tag(.implicit), .plain))
            return integer.map { .number(Double($0)) } ?? .string(text)
        case .float:
            let number = Self.isDecimalFraction(text) ? Double(text) : Double.construct(from: Node.Scalar(text, Tag(.implicit), .plain))
            return number.map(JSONValue.number) ?? .string(text)
        case .merge, .timestamp, .value, .string:
            return .string(text)
        }
    }

    /// `0`, or an optional `-` and digits without a leading zero: text `Int64.construct` reads as `Int64(text)` does.
    private static func isDecimal(_ text: String) -> Bool {
        var digits = text.utf8[...]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        guard let first = digits.first else { return false }
        if first == UInt8(ascii: "0") { return text.utf8.count == 1 }
        return digits.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }

    /// Digits, `.`, an exponent: text without the `_`, `:`, `inf` or `nan` that `Double.construct`
    /// treats specially, which it reads as `Double(text)` does.
    private static func isDecimalFraction(_ text: String) -> Bool {
        text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
                || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
    }

    // MARK: - The metadata's nodes

    /// The current node and everything in it, as the composer would build it, without the marks
    /// that only diagnostics read (a problem sends the file to the node tree).
    private func node() throws(Unsupported) -> Node {
        guard !events.isTaggedOrAnchored else { throw Unsupported() }
        switch events.kind {
        case .scalar:
            return scalarNode()
        case .sequenceStart:
            var elements: [Node] = []
            while try advance() != .sequenceEnd {
                elements.append(try node())
            }
            return .sequence(Node.Sequence(elements, Tag(.implicit), .any))
        case .mappingStart:
            var pairs: [(Node, Node)] = []
            var keys: Set<String> = []
            while try advance() != .mappingEnd {
                try expectScalar()
                guard keys.insert(events.scalarText).inserted else { throw Unsupported() }
                let key = scalarNode()
                try advance()
                pairs.append((key, try node()))
            }
            return .mapping(Node.Mapping(pairs, Tag(.implicit), .any))
        default:
            throw Unsupported()
        }
    }

    /// The current scalar as the composer builds it: plain ones untyped until resolved, others strings.
    private func scalarNode() -> Node {
        let style: Node.Scalar.Style =
            switch events.scalarStyle {
            case .plain: .plain
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            }
        let tag = Tag(style == .plain ? .implicit : .str)
        return .scalar(Node.Scalar(events.scalarText, tag, style))
    }

    // MARK: - Reading events

    /// Moves to the next event; its kind.
    @discardableResult
    private func advance() throws(Unsupported) -> YAMLEventReader.Kind {
        guard events.next() else { throw Unsupported() }
        return events.kind
    }

    private func expect(_ kind: YAMLEventReader.Kind) throws(Unsupported) {
        guard try advance() == kind else { throw Unsupported() }
    }

    /// The current event is an untagged mapping.
    private func expectMapping() throws(Unsupported) {
        guard events.kind == .mappingStart, !events.isTaggedOrAnchored else { throw Unsupported() }
    }

    /// The current event is an untagged scalar.
    private func expectScalar() throws(Unsupported) {
        guard events.kind == .scalar, !events.isTaggedOrAnchored else { throw Unsupported() }
    }

    /// Whether the current event is a plain null (`~`, `null`, nothing): an optional key's value
    /// read as absent.
    private var isNull: Bool {
        guard events.kind == .scalar, !events.isTaggedOrAnchored, events.scalarStyle == .plain else { return false }
        switch events.scalarBytes.count {
        case 0: return true
        case 1: return events.scalarIs("~")
        case 4: return events.scalarIs("null") || events.scalarIs("Null") || events.scalarIs("NULL")
        default: return false
        }
    }
}
