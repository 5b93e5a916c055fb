import CYaml

/// The events of libyaml's parser over UTF-8 text, one at a time and without a node tree: what
/// a reader that knows the shape of its document needs to build its model in one pass.
///
/// The reader holds the current event only; each ``next()`` frees it and parses the following
/// one, so the memory it needs is the parser's own, whatever the size of the text. It reads the
/// bytes in place: they must outlive it.
final class YAMLEventReader {
    /// What an event is.
    enum Kind: Equatable {
        /// No event: what the parser gives after the stream's end.
        case none
        case streamStart, streamEnd, documentStart, documentEnd
        case scalar, alias
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    /// How a scalar was written: only plain scalars are typed by YAML's resolver.
    enum ScalarStyle: Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    // Both behind pointers, not stored properties of the class: reading those would check
    // exclusive access at run time, on every event.
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    /// The current event; all zeros (no event, nothing to free) before the first and after a failure.
    private let current: UnsafeMutablePointer<yaml_event_t>

    /// Starts reading `bytes`, which must stay valid and unchanged as long as the reader is used.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        current = .allocate(capacity: 1)
        current.initialize(to: yaml_event_t())
        // Initialisation fails only when memory runs out; the first `next()` then fails too.
        _ = yaml_parser_initialize(parser)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    }

    deinit {
        yaml_event_delete(current)
        yaml_parser_delete(parser)
        current.deallocate()
        parser.deallocate()
    }

    /// Parses the next event; false when the text is not well-formed YAML (or after the stream's end).
    func next() -> Bool {
        // Frees the current event's strings and zeroes it; the parser zeroes it too when it fails.
        yaml_event_delete(current)
        return yaml_parser_parse(parser, current) == 1
    }

    private var event: yaml_event_t { current.pointee }

    /// The current event's kind.
    var kind: Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: .streamStart
        case YAML_STREAM_END_EVENT: .streamEnd
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_DOCUMENT_END_EVENT: .documentEnd
        case YAML_ALIAS_EVENT: .alias
        case YAML_SCALAR_EVENT: .scalar
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_SEQUENCE_END_EVENT: .sequenceEnd
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_MAPPING_END_EVENT: .mappingEnd
        default: .none
        }
    }

    /// Whether the current node has an explicit tag or an anchor (`!!str`, `!custom`, `&name`),
    /// which change how it is typed or what it stands for.
    var isTaggedOrAnchored: Bool {
        switch event.type {
        case YAML_SCALAR_EVENT: event.data.scalar.tag != nil || event.data.scalar.anchor != nil
        case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.tag != nil || event.data.sequence_start.anchor != nil
        case YAML_MAPPING_START_EVENT: event.data.mapping_start.tag != nil || event.data.mapping_start.anchor != nil
        default: false
        }
    }

    /// The current scalar's style.
    var scalarStyle: ScalarStyle {
        switch event.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The current scalar's value, as UTF-8 bytes valid until the next event.
    var scalarBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
    }

    /// The current scalar's value.
    var scalarText: String {
        String(decoding: scalarBytes, as: UTF8.self)
    }

    /// Whether the current scalar's value is `text`, compared without making a string.
    func scalarIs(_ text: StaticString) -> Bool {
        let bytes = scalarBytes
        return bytes.count == text.utf8CodeUnitCount && bytes.elementsEqual(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Where the current event starts: 1-based line and column, as Yams' marks count them.
    var start: (line: Int, column: Int) {
        (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
    }
}
