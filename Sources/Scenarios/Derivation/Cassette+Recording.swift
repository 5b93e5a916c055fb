package import Foundation

extension Cassette {
    /// Loads a recording to derive from or compare with: a cassette file, refused with a
    /// diagnostic that says so when the file is a scenario or a suite rather than a cassette.
    ///
    /// - Throws: `DiagnosticError` with the file's problems, each at its file:line:column, or
    ///   one saying the file is not a cassette.
    package static func loadRecording(contentsOf url: URL) throws(DiagnosticError) -> Cassette {
        let text = try YAMLDocument.text(contentsOf: url, displayName: url.path)
        try YAMLDocument.check(text, file: url.path)
        if let cassette = buildWithoutTree(text: text, file: url.path, sourcePath: url.path) { return cassette }
        let document = try YAMLDocument(checkedText: text, file: url.path)
        guard isCassette(document) else {
            throw DiagnosticError([
                document.diagnostic(
                    at: [],
                    message:
                        "not a cassette: a recording has 'format' and 'interactions' at the top (docs/cassettes.md); "
                        + "this looks like a \(Suite.isSuite(document) ? "suite" : "scenario")"
                )
            ])
        }
        return try build(from: document, sourcePath: url.path)
    }
}
