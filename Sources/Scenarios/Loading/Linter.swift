public import Foundation

/// Checks scenario, cassette and suite files, telling them apart by their keys: a file with
/// `interactions` or `format` at the top is a cassette, one with `scenarios` a suite (whose
/// scenario files are checked too), anything else a scenario (whose cassettes are checked too).
public enum Linter {
    /// Every problem of one file, each at its file:line:column; empty when the file is clean.
    ///
    /// - Parameter clauseIDs: The clause ids a suite may name; nil leaves them unchecked.
    public static func diagnostics(forFileAt url: URL, clauseIDs: Set<String>? = nil) -> [Diagnostic] {
        do {
            let text = try YAMLDocument.text(contentsOf: url, displayName: url.path)
            try YAMLDocument.check(text, file: url.path)
            // A large cassette is read without a node tree when it can be; the whole document reports the problems.
            if Cassette.buildWithoutTree(text: text, file: url.path, sourcePath: url.path) != nil { return [] }
            let document = try YAMLDocument(checkedText: text, file: url.path)
            if Cassette.isCassette(document) {
                _ = try Cassette.build(from: document, sourcePath: url.path)
            } else if Suite.isSuite(document) {
                let suite = try Suite.build(from: document, sourcePath: url.path, clauseIDs: clauseIDs)
                return scenarioDiagnostics(of: suite)
            } else {
                _ = try Scenario.build(from: document, defaultName: url.deletingPathExtension().lastPathComponent, sourcePath: url.path)
            }
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The problems of a suite's scenario files, each at its place in its own file (built-in
    /// scenarios are checked when they are shipped).
    private static func scenarioDiagnostics(of suite: Suite) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in suite.entries where entry.reference.hasPrefix("/") {
            do {
                _ = try Scenario.load(contentsOf: URL(fileURLWithPath: entry.reference))
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return diagnostics
    }
}
