public import Foundation
import Yams

extension Cassette {
    /// Loads and validates a cassette file (YAML, or JSON, which is YAML too).
    ///
    /// - Throws: `DiagnosticError` with every problem found, each at its file:line:column.
    public static func load(contentsOf url: URL) throws(DiagnosticError) -> Cassette {
        try build(from: YAMLDocument(contentsOf: url), sourcePath: url.path)
    }

    /// Parses and validates cassette text.
    ///
    /// - Parameters:
    ///   - text: The YAML or JSON text.
    ///   - file: The name used in diagnostics.
    /// - Throws: `DiagnosticError` with every problem found.
    public static func parse(_ text: String, file: String = "<cassette>") throws(DiagnosticError) -> Cassette {
        try build(from: YAMLDocument(text: text, file: file), sourcePath: nil)
    }

    static func build(from document: YAMLDocument, sourcePath: String?) throws(DiagnosticError) -> Cassette {
        guard document.isMapping else {
            throw DiagnosticError([document.diagnostic(at: [], message: "a cassette is a mapping with format, interactions and optional metadata")])
        }
        let file = try document.decode(CassetteFile.self)
        let nodes = document.root.mapping?["interactions"]?.sequence.map(Array.init) ?? []
        let interactions = file.interactions.enumerated().map { index, entry in
            let node = nodes.indices.contains(index) ? nodes[index] : nil
            return Interaction(
                request: RecordedRequest(
                    method: entry.request.method,
                    path: entry.request.path,
                    query: entry.request.query,
                    headers: entry.request.headers,
                    body: entry.request.body.body(interaction: node, part: "request")
                ),
                response: RecordedResponse(
                    status: entry.response.status,
                    headers: entry.response.headers,
                    body: entry.response.body.body(interaction: node, part: "response")
                ),
                match: entry.match?.value ?? MatchRule(),
                line: node?.mark?.line ?? 0
            )
        }
        return Cassette(
            description: file.description ?? "",
            recording: file.recorded?.value ?? Recording(),
            repeatPolicy: file.repeatPolicy ?? .last,
            match: file.match?.value ?? MatchRule(),
            interactions: interactions,
            sourcePath: sourcePath
        )
    }

    /// Whether a parsed document is a cassette rather than a scenario: it has `interactions` or `format`.
    static func isCassette(_ document: YAMLDocument) -> Bool {
        guard let mapping = document.root.mapping else { return false }
        return mapping["interactions"] != nil || mapping["format"] != nil
    }
}
