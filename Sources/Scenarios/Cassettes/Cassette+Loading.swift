public import Foundation
import Yams

extension Cassette {
    /// Loads and validates a cassette file (YAML, or JSON, which is YAML too).
    ///
    /// - Throws: `DiagnosticError` with every problem found, each at its file:line:column.
    public static func load(contentsOf url: URL) throws(DiagnosticError) -> Cassette {
        try build(text: YAMLDocument.text(contentsOf: url, displayName: url.path), file: url.path, sourcePath: url.path)
    }

    /// Parses and validates cassette text.
    ///
    /// - Parameters:
    ///   - text: The YAML or JSON text.
    ///   - file: The name used in diagnostics.
    /// - Throws: `DiagnosticError` with every problem found.
    public static func parse(_ text: String, file: String = "<cassette>") throws(DiagnosticError) -> Cassette {
        try build(text: text, file: file, sourcePath: nil)
    }

    /// Builds a cassette from the text of a file: in one pass over the parser's events when the
    /// file holds nothing that pass leaves to the node tree (see ``CassetteEventDecoder``), else a
    /// few interactions at a time when the layout allows it (see ``CassetteOutline``), else, or
    /// when any part fails, from the whole document, which is also what reports the problems.
    static func build(text: String, file: String, sourcePath: String?) throws(DiagnosticError) -> Cassette {
        try YAMLDocument.check(text, file: file)
        if let cassette = buildWithoutTree(text: text, file: file, sourcePath: sourcePath) { return cassette }
        return try build(from: YAMLDocument(checkedText: text, file: file), sourcePath: sourcePath)
    }

    /// Builds a cassette from checked text without the node tree of the whole file: from the
    /// parser's events, else item by item; nil when neither can, and only the whole document can
    /// tell why.
    static func buildWithoutTree(text: String, file: String, sourcePath: String?) -> Cassette? {
        CassetteEventDecoder.cassette(from: text, sourcePath: sourcePath)
            ?? buildItemByItem(text: text, file: file, sourcePath: sourcePath)
    }

    /// Builds a cassette from checked text, parsing the file without its items and then the items
    /// a few at a time, so that the node tree of a large file is never whole in memory; nil when
    /// the layout is not the plain one or any part fails to parse or decode.
    ///
    /// - Parameter partBytes: How much text of consecutive items is parsed as one document (at
    ///   least one item): large enough that the parser's set-up per document does not show, small
    ///   enough that a part's node tree stays small.
    static func buildItemByItem(text: String, file: String, sourcePath: String?, partBytes: Int = 65_536) -> Cassette? {
        guard let outline = CassetteOutline(text) else { return nil }
        do {
            let head = try YAMLDocument(checkedText: outline.head, file: file)
            guard outline.holdsItems(head) else { return nil }
            let decoder = YAMLDecoder()
            let cassetteFile = try head.decode(CassetteFile.self, using: decoder)
            var interactions: [Interaction] = []
            interactions.reserveCapacity(outline.items.count)
            for part in outline.parts(bytes: partBytes) {
                let document = try YAMLDocument(checkedText: String(text[part.range]), file: file, lineOffset: part.lineOffset)
                guard let nodes = document.root.sequence, nodes.count == part.items else { return nil }
                let entries = try document.decode([CassetteFile.InteractionEntry].self, using: decoder)
                interactions += zip(entries, nodes).map { entry, node in Interaction(entry, node: node, in: document) }
            }
            return Cassette(cassetteFile, interactions: interactions, head: head.root, lineOffset: head.lineOffset, sourcePath: sourcePath)
        } catch {
            return nil
        }
    }

    /// Builds a cassette from the parsed whole file.
    static func build(from document: YAMLDocument, sourcePath: String?) throws(DiagnosticError) -> Cassette {
        guard document.isMapping else {
            throw DiagnosticError([document.diagnostic(at: [], message: "a cassette is a mapping with format, interactions and optional metadata")])
        }
        let file = try document.decode(CassetteFile.self)
        let nodes = document.root.mapping?["interactions"]?.sequence.map(Array.init) ?? []
        let interactions = file.interactions.enumerated().map { index, entry in
            Interaction(entry, node: nodes.indices.contains(index) ? nodes[index] : nil, in: document)
        }
        return Cassette(file, interactions: interactions, head: document.root, lineOffset: document.lineOffset, sourcePath: sourcePath)
    }

    /// Whether a parsed document is a cassette rather than a scenario: it has `interactions` or `format`.
    static func isCassette(_ document: YAMLDocument) -> Bool {
        guard let mapping = document.root.mapping else { return false }
        return mapping["interactions"] != nil || mapping["format"] != nil
    }

    /// A cassette from its decoded file, its interactions, and the top-level node, which holds
    /// the notifications' JSON bodies and lines.
    init(_ file: CassetteFile, interactions: [Interaction], head: Node, lineOffset: Int, sourcePath: String?) {
        let nodes = head.mapping?["notifications"]?.sequence.map(Array.init) ?? []
        let notifications = file.notifications.enumerated().map { index, entry in
            let node = nodes.indices.contains(index) ? nodes[index] : nil
            return Notification(headers: entry.headers, body: entry.body.body(node: node), line: node?.mark.map { $0.line + lineOffset } ?? 0)
        }
        self.init(
            description: file.description ?? "",
            recording: file.recorded?.value ?? Recording(),
            repeatPolicy: file.repeatPolicy ?? .last,
            match: file.match?.value ?? MatchRule(),
            interactions: interactions,
            notifications: notifications,
            sourcePath: sourcePath
        )
    }
}

extension Cassette.Interaction {
    /// An interaction from its decoded entry and its node, which holds the JSON bodies and the line.
    init(_ entry: CassetteFile.InteractionEntry, node: Node?, in document: YAMLDocument) {
        self.init(
            request: Cassette.RecordedRequest(
                method: entry.request.method,
                path: entry.request.path,
                query: entry.request.query,
                headers: entry.request.headers,
                body: entry.request.body.body(interaction: node, part: "request")
            ),
            response: Cassette.RecordedResponse(
                status: entry.response.status,
                headers: entry.response.headers,
                body: entry.response.body.body(interaction: node, part: "response")
            ),
            match: entry.match?.value ?? Cassette.MatchRule(),
            line: node?.mark.map { $0.line + document.lineOffset } ?? 0
        )
    }
}
