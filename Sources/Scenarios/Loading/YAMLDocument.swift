import Foundation
import Yams

/// A parsed YAML (or JSON) file that decodes into a model type and turns every failure into
/// diagnostics that point at the line and column of the offending key or value.
struct YAMLDocument {
    /// The file name used in diagnostics.
    let file: String
    /// The composed node tree, kept to locate key paths.
    let root: Node

    /// The number of lines before the document's text in its file: 0 for a whole file, more for
    /// a part of one (an interaction of a cassette) so that every line reported is the file's.
    let lineOffset: Int

    /// Parses text.
    ///
    /// - Throws: `DiagnosticError` when the text is empty or not well-formed YAML.
    init(text: String, file: String) throws(DiagnosticError) {
        try Self.check(text, file: file)
        try self.init(checkedText: text, file: file)
    }

    /// Parses text that has passed ``check(_:file:)``, or a part of such a text.
    ///
    /// - Parameter lineOffset: The number of lines before `text` in its file.
    /// - Throws: `DiagnosticError` when the text is not well-formed YAML, holds no document, or
    ///   has aliases that copy more than ``AliasBudget/maximumNodes`` nodes.
    init(checkedText text: String, file: String, lineOffset: Int = 0) throws(DiagnosticError) {
        self.file = file
        self.lineOffset = lineOffset
        try AliasBudget.check(text, file: file, lineOffset: lineOffset)
        do {
            // The encoding is named so that the parser does not read the environment on every part.
            guard let node = try Yams.compose(yaml: text, .default, .default, .utf8) else {
                throw DiagnosticError([
                    Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file holds no YAML document")
                ])
            }
            if let problem = Self.shapeProblem(of: node) {
                throw DiagnosticError([
                    Diagnostic(file: file, line: problem.mark.line + lineOffset, column: problem.mark.column, keyPath: "", message: problem.message)
                ])
            }
            self.root = node
        } catch let error as DiagnosticError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticError([Self.diagnostic(for: error, file: file, lineOffset: lineOffset)])
        } catch {
            throw DiagnosticError([Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")])
        }
    }

    /// Reads and parses a file.
    ///
    /// - Throws: `DiagnosticError` when the file is missing, unreadable, not UTF-8 or not YAML.
    init(contentsOf url: URL, displayName: String? = nil) throws(DiagnosticError) {
        let name = displayName ?? url.path
        try self.init(text: Self.text(contentsOf: url, displayName: name), file: name)
    }

    /// Reads a file as text, without parsing it.
    ///
    /// - Throws: `DiagnosticError` when the file is missing, unreadable, not a regular file, over
    ///   ``maximumBytes`` (checked before reading), or holds a NUL byte or bytes that are not UTF-8.
    static func text(contentsOf url: URL, displayName name: String) throws(DiagnosticError) -> String {
        try TextFile.text(at: url, displayName: name, limit: maximumBytes)
    }

    /// The checks of a whole file before it is parsed: not empty, not too large, not too deep.
    ///
    /// - Throws: `DiagnosticError` naming the first check the text fails.
    static func check(_ text: String, file: String) throws(DiagnosticError) {
        if text.allSatisfy(\.isWhitespace) {
            throw DiagnosticError([Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file is empty")])
        }
        if text.utf8.count > Self.maximumBytes {
            throw DiagnosticError([
                Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file is over \(Self.maximumBytes / 1_048_576) MiB; split it")
            ])
        }
        if let (line, column) = Self.tooDeep(text) {
            throw DiagnosticError([
                Diagnostic(
                    file: file,
                    line: line,
                    column: column,
                    keyPath: "",
                    message: "nested more than \(Self.maximumDepth) levels deep; no scenario or cassette needs that"
                )
            ])
        }
    }

    /// Whether the document's root is a mapping.
    var isMapping: Bool { root.mapping != nil }

    /// Decodes the whole document as `T`, going on past every problem that types reading
    /// through ``CheckedContainer`` record (see ``DecodingProblems``); other types stop at the
    /// first value that does not fit.
    ///
    /// - Parameter decoder: The decoder; one made for every document would read the process environment each time (Yams does).
    /// - Returns: The value (nil when decoding stopped) and a diagnostic for every problem met.
    func decodeReportingProblems<T: Decodable>(
        _ type: T.Type,
        using decoder: YAMLDecoder = YAMLDecoder()
    ) -> (value: T?, problems: [Diagnostic]) {
        let problems = DecodingProblems(root: root)
        var value: T?
        do {
            value = try decoder.decode(type, from: root, userInfo: [DecodingProblems.userInfoKey: problems])
        } catch {
            problems.record(error)
        }
        var diagnostics = problems.errors.map(translate)
        if problems.notKept > 0 {
            diagnostics.append(
                Diagnostic(
                    file: file,
                    line: 0,
                    column: 0,
                    keyPath: "",
                    message: "\(problems.notKept) more problems after these \(DecodingProblems.maximumKept) are not listed; mend these first"
                )
            )
        }
        return (value, diagnostics)
    }

    /// Decodes the whole document as `T`; an unknown key is an error like any other.
    ///
    /// - Throws: `DiagnosticError` with every problem ``decodeReportingProblems(_:using:)`` finds.
    func decode<T: Decodable>(_ type: T.Type, using decoder: YAMLDecoder = YAMLDecoder()) throws(DiagnosticError) -> T {
        let (value, problems) = decodeReportingProblems(type, using: decoder)
        guard let value, problems.isEmpty else { throw DiagnosticError(problems) }
        return value
    }

    private func diagnostic(for error: UnknownKeyError) -> Diagnostic {
        var message = "unknown key '\(error.key)'"
        if let suggestion = DidYouMean.suggestion(for: error.key, among: error.knownKeys) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(error.knownKeys.joined(separator: ", "))"
        }
        return diagnostic(at: error.codingPath, message: message, pointAtKey: true)
    }

    /// The diagnostic of a decoding failure.
    private func translate(_ error: any Error) -> Diagnostic {
        switch error {
        case let error as UnknownKeyError: diagnostic(for: error)
        case let error as InvalidValueError: diagnostic(at: error.codingPath, message: error.message)
        case let error as DecodingError: diagnostic(for: error)
        default: Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")
        }
    }

    /// A diagnostic at a coding path of this document.
    func diagnostic(at path: [any CodingKey], message: String, pointAtKey: Bool = false) -> Diagnostic {
        let mark = locate(path, pointAtKey: pointAtKey) ?? root.mark
        return Diagnostic(
            file: file,
            line: mark.map { $0.line + lineOffset } ?? 0,
            column: mark?.column ?? 0,
            keyPath: Self.render(path),
            message: message
        )
    }

    // MARK: - Limits

    /// The largest file read: far above any scenario or cassette, far below what hurts.
    static let maximumBytes = TextFile.maximumBytes
    /// The deepest nesting of flow collections or indentation levels accepted (the YAML parser recurses).
    static let maximumDepth = 200

    /// The first node, in document order, nested deeper than ``maximumDepth`` collections, or a
    /// mapping key that is a collection (`? {a: 1}`: no model reads one, and it would be
    /// ignored): one walk of the tree, after the text's own check (``tooDeep(_:)``) has refused
    /// what is plainly too deep before it was parsed.
    private static func shapeProblem(of root: Node) -> (mark: Mark, message: String)? {
        var stack: [(node: Node, depth: Int)] = [(root, 0)]
        while let (node, depth) = stack.popLast() {
            switch node {
            case .mapping(let mapping):
                if depth + 1 > maximumDepth, let mark = node.mark {
                    return (mark, "nested more than \(maximumDepth) levels deep; no scenario or cassette needs that")
                }
                if let key = mapping.keys.first(where: { $0.scalar == nil }), let mark = key.mark {
                    return (mark, "a mapping key must be a single value such as a name, not a \(key.mapping == nil ? "list" : "mapping")")
                }
                for value in mapping.values.reversed() { stack.append((value, depth + 1)) }
            case .sequence(let sequence):
                if depth + 1 > maximumDepth, let mark = node.mark {
                    return (mark, "nested more than \(maximumDepth) levels deep; no scenario or cassette needs that")
                }
                for element in sequence.reversed() { stack.append((element, depth + 1)) }
            case .scalar, .alias:
                break
            }
        }
        return nil
    }

    /// Where the text first nests deeper than ``maximumDepth`` (flow brackets outside quotes and
    /// comments, or indentation), if it does.
    private static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var text = text
        return text.withUTF8 { tooDeep($0) }
    }

    private static func tooDeep(_ utf8: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8?
        var inComment = false
        var atLineStart = true
        var indentation = 0
        var previous: UInt8 = 0
        for byte in utf8 {
            column += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                inComment = false
                quote = nil  // counting too much is the safe side: a quoted line break ends the quote here
                atLineStart = true
                indentation = 0
                previous = byte
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indentation += 1
                    if indentation > maximumDepth * 4 { return (line, column) }
                } else {
                    atLineStart = false
                }
            }
            if inComment { continue }
            if let open = quote {
                if byte == open && previous != UInt8(ascii: "\\") { quote = nil }
            } else {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
                case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || column == 1: inComment = true
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > maximumDepth { return (line, column) }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: break
                }
            }
            previous = byte
        }
        return nil
    }

    // MARK: - Locating

    /// The mark of the deepest node along `path`: the key itself when `pointAtKey`, else its value.
    private func locate(_ path: [any CodingKey], pointAtKey: Bool) -> Mark? {
        var node = root
        var mark = root.mark
        for (index, key) in path.enumerated() {
            let isLast = index == path.count - 1
            switch node {
            case .mapping(let mapping):
                guard let pair = mapping.first(where: { $0.key.string == key.stringValue }) else { return mark }
                mark = (isLast && pointAtKey) ? pair.key.mark : pair.value.mark
                node = pair.value
            case .sequence(let sequence):
                guard let position = key.intValue, sequence.indices.contains(position) else { return mark }
                node = sequence[position]
                mark = node.mark
            default:
                return mark
            }
        }
        return mark
    }

    /// Renders a coding path as `shops[0].region`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue, key.stringValue == "\(index)" || key.stringValue.hasPrefix("Index ") {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text
    }

    // MARK: - Translating errors

    private func diagnostic(for error: DecodingError) -> Diagnostic {
        switch error {
        case .typeMismatch(let type, let context):
            return diagnostic(at: context.codingPath, message: "expected \(Self.describe(type)), found \(found(at: context.codingPath))")
        case .valueNotFound(let type, let context):
            return diagnostic(at: context.codingPath, message: "expected \(Self.describe(type)), found nothing")
        case .keyNotFound(let key, let context):
            return diagnostic(at: context.codingPath, message: "missing required key '\(key.stringValue)'")
        case .dataCorrupted(let context):
            return diagnostic(at: context.codingPath, message: context.debugDescription)
        @unknown default:
            return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")
        }
    }

    private func found(at path: [any CodingKey]) -> String {
        var node = root
        for key in path {
            if let mapping = node.mapping, let value = mapping[key.stringValue] {
                node = value
            } else if let sequence = node.sequence, let position = key.intValue, sequence.indices.contains(position) {
                node = sequence[position]
            } else {
                break
            }
        }
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar): return "'\(scalar.string.prefix(40))'"
        case .alias: return "an alias"
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Int.Type, is Int64.Type, is UInt64.Type: return "an integer"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        default:
            // Yams names the node it expected when the value is not even the right kind of node.
            let name = "\(type)"
            if name.hasPrefix("Array") || name == "Sequence" { return "a list" }
            if name.hasPrefix("Dictionary") || name == "Mapping" { return "a mapping" }
            if name == "Scalar" { return "a single value" }
            return "a value of type \(name)"
        }
    }

    private static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, keyPath: "", message: "YAML syntax: \(problem)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "YAML reader: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file,
                line: context.mark.line + lineOffset,
                column: context.mark.column,
                keyPath: "",
                message: "duplicate key \(duplicates.joined(separator: ", "))"
            )
        default:
            return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "YAML: \(error)")
        }
    }
}
