import Foundation
import Yams

/// A parsed YAML (or JSON) file that decodes into a model type and turns every failure into
/// diagnostics that point at the line and column of the offending key or value.
struct YAMLDocument {
    /// The file name used in diagnostics.
    let file: String
    /// The composed node tree, kept to locate key paths.
    let root: Node

    /// Parses text.
    ///
    /// - Throws: `DiagnosticError` when the text is empty or not well-formed YAML.
    init(text: String, file: String) throws(DiagnosticError) {
        self.file = file
        if text.allSatisfy(\.isWhitespace) {
            throw DiagnosticError([Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file is empty")])
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw DiagnosticError([
                    Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file holds no YAML document")
                ])
            }
            self.root = node
        } catch let error as DiagnosticError {
            throw error
        } catch let error as YamlError {
            throw DiagnosticError([Self.diagnostic(for: error, file: file)])
        } catch {
            throw DiagnosticError([Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")])
        }
    }

    /// Reads and parses a file.
    ///
    /// - Throws: `DiagnosticError` when the file is missing, unreadable, not UTF-8 or not YAML.
    init(contentsOf url: URL, displayName: String? = nil) throws(DiagnosticError) {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw DiagnosticError([
                Diagnostic(file: name, line: 0, column: 0, keyPath: "", message: "cannot read the file: no such file or not readable")
            ])
        }
        guard let text = String(data: data, encoding: .utf8), !text.contains("\0") else {
            throw DiagnosticError([Diagnostic(file: name, line: 0, column: 0, keyPath: "", message: "the file is not UTF-8 text")])
        }
        try self.init(text: text, file: name)
    }

    /// Whether the document's root is a mapping.
    var isMapping: Bool { root.mapping != nil }

    /// Decodes the whole document as `T`.
    ///
    /// - Throws: `DiagnosticError` locating the first key or value that does not fit `T`.
    func decode<T: Decodable>(_ type: T.Type) throws(DiagnosticError) -> T {
        do {
            return try YAMLDecoder().decode(type, from: root)
        } catch let error as UnknownKeyError {
            var message = "unknown key '\(error.key)'"
            if let suggestion = DidYouMean.suggestion(for: error.key, among: error.knownKeys) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: \(error.knownKeys.joined(separator: ", "))"
            }
            throw DiagnosticError([diagnostic(at: error.codingPath, message: message, pointAtKey: true)])
        } catch let error as InvalidValueError {
            throw DiagnosticError([diagnostic(at: error.codingPath, message: error.message)])
        } catch let error as DecodingError {
            throw DiagnosticError([diagnostic(for: error)])
        } catch {
            throw DiagnosticError([Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "\(error)")])
        }
    }

    /// A diagnostic at a coding path of this document.
    func diagnostic(at path: [any CodingKey], message: String, pointAtKey: Bool = false) -> Diagnostic {
        let mark = locate(path, pointAtKey: pointAtKey) ?? root.mark
        return Diagnostic(
            file: file,
            line: mark?.line ?? 0,
            column: mark?.column ?? 0,
            keyPath: Self.render(path),
            message: message
        )
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
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "a mapping" }
            return "a value of type \(name)"
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return Diagnostic(file: file, line: mark.line, column: mark.column, keyPath: "", message: "YAML syntax: \(problem)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "YAML reader: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return Diagnostic(
                file: file,
                line: context.mark.line,
                column: context.mark.column,
                keyPath: "",
                message: "duplicate key \(duplicates.joined(separator: ", "))"
            )
        default:
            return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "YAML: \(error)")
        }
    }
}
