import CYaml

/// The limit on what YAML aliases may add to a document, checked on the parser's events before
/// any node tree is built.
///
/// An alias (`*name`) stands for a copy of its anchored node, and anchored nodes may hold
/// aliases, so 700 bytes of nine anchors of nine aliases each stand for a billion nodes ("billion
/// laughs"). The node tree shares the copies, but everything that walks it (decoding, reading a
/// body as JSON, comparing mapping keys) walks every copy. So the nodes that aliases add, and
/// their scalars' bytes, are counted here, each alias adding the whole size of its anchored
/// node, and the document is refused at the alias that takes either count past its limit
/// (``maximumNodes``, ``maximumBytes``): a cost bounded by the text's length, whatever the
/// aliases would expand to.
enum AliasBudget {
    /// The most nodes that aliases may add to one document: a stub body of 10,000 values
    /// repeated ten times fits; nothing a scenario or cassette needs comes near it.
    static let maximumNodes = 100_000
    /// The most scalar bytes that aliases may add to one document: a 100 KB body anchored and
    /// repeated ten thousand times is a gigabyte from a file of 200 KB.
    static let maximumBytes = 16 << 20

    /// What a node stands for: its nodes and its scalars' bytes, aliases expanded.
    private struct Size {
        var nodes: Int
        var bytes: Int

        static func += (size: inout Size, other: Size) {
            size.nodes += other.nodes
            size.bytes += other.bytes
        }
    }

    /// Checks a document's aliases. A syntax error or an undefined alias ends the check
    /// silently: composing the document reports those, with their line, and the nodes before
    /// them have been counted.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The file name used in diagnostics.
    ///   - lineOffset: The number of lines before `text` in its file.
    ///   - limit: The most nodes aliases may add.
    ///   - byteLimit: The most scalar bytes aliases may add.
    /// - Throws: `DiagnosticError` at the alias that takes the count past either limit.
    static func check(
        _ text: String,
        file: String,
        lineOffset: Int = 0,
        limit: Int = maximumNodes,
        byteLimit: Int = maximumBytes
    ) throws(DiagnosticError) {
        // No alias without a `*`: most files are not parsed twice.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return }
        var text = text
        let overrun = text.withUTF8 { bytes in Self.firstOverrun(in: bytes, limit: Size(nodes: limit, bytes: byteLimit)) }
        guard let overrun else { return }
        throw DiagnosticError([
            Diagnostic(
                file: file,
                line: overrun.line + lineOffset,
                column: overrun.column,
                keyPath: "",
                message: "the alias *\(overrun.anchor) takes what aliases copy past \(limit) nodes or \(byteLimit >> 20) MiB (an alias bomb?); "
                    + "write the values out, or use fewer aliases"
            )
        ])
    }

    /// The alias (its anchor's name, 1-based line and column) at which the nodes copied by
    /// aliases pass the limit, or nil.
    private static func firstOverrun(in bytes: UnsafeBufferPointer<UInt8>, limit: Size) -> (anchor: String, line: Int, column: Int)? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)

        /// The size of each anchored node, in nodes, aliases expanded; a later anchor of the
        /// same name replaces an earlier one, as in the composer.
        var anchored: [String: Size] = [:]
        /// The open collections: their size so far and their anchor.
        var open: [(size: Size, anchor: String?)] = []
        var copied = Size(nodes: 0, bytes: 0)

        /// Adds a finished node to its collection and records its size under its anchor.
        func finish(size: Size, anchor: String?) {
            if let anchor { anchored[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_DOCUMENT_START_EVENT:
                anchored = [:]
            case YAML_SCALAR_EVENT:
                finish(size: Size(nodes: 1, bytes: event.data.scalar.length), anchor: name(event.data.scalar.anchor))
            case YAML_SEQUENCE_START_EVENT:
                open.append((Size(nodes: 1, bytes: 0), name(event.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                open.append((Size(nodes: 1, bytes: 0), name(event.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let collection = open.popLast() else { return nil }
                finish(size: collection.size, anchor: collection.anchor)
            case YAML_ALIAS_EVENT:
                guard let anchor = name(event.data.alias.anchor), let size = anchored[anchor] else { return nil }
                copied += size
                if copied.nodes > limit.nodes || copied.bytes > limit.bytes {
                    return (anchor, Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
                finish(size: size, anchor: nil)
            default:
                break
            }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}
