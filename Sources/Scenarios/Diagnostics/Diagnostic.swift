/// A problem found in a scenario or cassette file, located to the exact spot in the file.
///
/// Rendered as `file:line:column: error: message (at key.path)`, the shape compilers use, so
/// editors and CI logs make it clickable.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used.
        case error
        /// The file can be used, but probably does not say what its author meant.
        case warning
    }

    /// The file the problem is in, as it was given to the loader.
    public var file: String
    /// The line, starting at 1 (0 when the problem concerns the whole file).
    public var line: Int
    /// The column, starting at 1 (0 when the problem concerns the whole file).
    public var column: Int
    /// The dotted path of the key the problem is about, such as `shops[0].region`; empty for the root.
    public var keyPath: String
    /// What is wrong, in one sentence.
    public var message: String
    /// Whether the file is unusable or only suspicious.
    public var severity: Severity

    /// Creates a diagnostic.
    public init(file: String, line: Int, column: Int, keyPath: String, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.column = column
        self.keyPath = keyPath
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let key = keyPath.isEmpty ? "" : " (at \(keyPath))"
        return "\(location): \(severity.rawValue): \(message)\(key)"
    }
}

/// The error thrown when a file cannot be loaded: every diagnostic found in it, in file order.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The problems found, sorted by position.
    public var diagnostics: [Diagnostic]

    /// Creates the error from a non-empty list of diagnostics.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
