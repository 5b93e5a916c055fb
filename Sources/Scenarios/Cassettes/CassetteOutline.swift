import Yams

/// Where the interactions of a cassette lie in its text, found by reading lines rather than
/// parsing YAML, so that a large cassette can be parsed a few interactions at a time instead of
/// as one node tree of the whole file.
///
/// The outline exists only for the plain block layout that `Cassette.yaml()` and people write:
/// a block mapping at the top (its first line a key at column 0), a line `interactions:` (nothing
/// after the colon but a comment) followed by a block sequence whose entries `- ` all start at
/// one indentation (0 included), no tabs and no line breaks but LF and CRLF. An item runs until the
/// next line, neither blank nor a comment, indented no more than its `- `: the next item, or the
/// next top-level key. Everything else, whether it reads well as YAML or not, is left to the
/// parser of the whole file.
///
/// Cutting between items by lines is right whenever every part parses: a cut inside a flow
/// collection or a quoted scalar leaves the part before it unterminated, which the parser
/// rejects, and a block scalar or a plain scalar ends at a line indented no more than its item in
/// the whole file too. An alias that parses within its part names the same anchor there as in
/// the whole file.
struct CassetteOutline {
    /// One interaction: its text, with its original indentation, and where it starts.
    struct Item {
        /// The item's lines, from its `- ` to the line before the next item or top-level key.
        var range: Range<String.Index>
        /// The number of lines before the item in the file.
        var lineOffset: Int
    }

    /// The file without its items: the `interactions:` line reads `interactions: []` and each
    /// line of the items is blank, so that the other keys keep their lines and columns.
    var head: String
    /// The line (1-based) of the `interactions:` key.
    var interactionsLine: Int
    /// The items, in order; never empty.
    var items: [Item]
    /// The text outlined.
    private let text: String

    /// Outlines a cassette's text, or returns nil when its layout is not the plain one.
    init?(_ text: String) {
        guard let scanned = text.utf8.withContiguousStorageIfAvailable(Self.scan) ?? nil else { return nil }
        let (lines, items) = scanned
        self.text = text
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        self.interactionsLine = lines.interactions
        self.items = items.map { Item(range: index($0.start)..<index($0.end), lineOffset: $0.line - 1) }
        let blankLines = lines.suffix - lines.interactions - 1
        self.head =
            String(text[..<index(lines.interactionsStart)]) + "interactions: []\n" + String(repeating: "\n", count: blankLines)
            + String(text[index(lines.suffixStart)...])
    }

    /// Whether the parsed head has the one `interactions` key where the outline put it: then the
    /// lines before it were read as the parser reads them, and no other key competes with the items.
    func holdsItems(_ head: YAMLDocument) -> Bool {
        guard let mapping = head.root.mapping else { return false }
        let marks = mapping.compactMap { key, _ in key.string == "interactions" ? key.mark : nil }
        return marks.count == 1 && marks[0].line == interactionsLine && marks[0].column == 1
    }

    /// Consecutive items parsed as one document: their text and how many they are.
    struct Part {
        /// The items' lines.
        var range: Range<String.Index>
        /// The number of lines before the first item in the file.
        var lineOffset: Int
        /// The number of items.
        var items: Int
    }

    /// The items grouped into parts of about `bytes` of text each, at least one item per part.
    func parts(bytes: Int) -> [Part] {
        var parts: [Part] = []
        for item in items {
            if let last = parts.last, last.range.upperBound == item.range.lowerBound,
                utf8Distance(last.range.lowerBound, item.range.upperBound) <= bytes
            {
                parts[parts.count - 1].range = last.range.lowerBound..<item.range.upperBound
                parts[parts.count - 1].items += 1
            } else {
                parts.append(Part(range: item.range, lineOffset: item.lineOffset, items: 1))
            }
        }
        return parts
    }

    private func utf8Distance(_ start: String.Index, _ end: String.Index) -> Int {
        text.utf8.distance(from: start, to: end)
    }

    // MARK: - Scanning

    /// Where the `interactions:` line and the lines after the items are (byte offsets, 1-based lines).
    private struct Lines {
        var interactions = 0
        var interactionsStart = 0
        var suffix = 0
        var suffixStart = 0
    }

    /// One item's bytes and its first line.
    private struct Span {
        var start: Int
        var end: Int
        var line: Int
    }

    private enum Phase {
        case beforeKey
        case beforeItems
        case items(indentation: Int)
    }

    /// Reads the text line by line; nil when the layout is not the plain one.
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> (Lines, [Span])? {
        var lines = Lines()
        var spans: [Span] = []
        var phase = Phase.beforeKey
        var hasTopLevel = false
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            var indentation = 0
            var counting = true
            // Line breaks other than LF and CRLF, and tabs, would make the parser's lines or
            // indentation differ from the ones counted here.
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") {
                switch bytes[end] {
                case UInt8(ascii: "\t"): return nil
                case UInt8(ascii: "\r") where end + 1 < bytes.count && bytes[end + 1] != UInt8(ascii: "\n"): return nil
                case 0xC2 where end + 1 < bytes.count && bytes[end + 1] == 0x85: return nil
                case 0xE2 where end + 2 < bytes.count && bytes[end + 1] == 0x80 && (bytes[end + 2] == 0xA8 || bytes[end + 2] == 0xA9): return nil
                case UInt8(ascii: " ") where counting: indentation += 1
                default: counting = false
                }
                end += 1
            }
            let next = end < bytes.count ? end + 1 : end
            let content = UnsafeBufferPointer(rebasing: bytes[(start + indentation)..<end])
            let isSkipped = isBlank(content) || content.first == UInt8(ascii: "#")
            switch phase {
            case .beforeKey:
                if isSkipped { break }
                // The top level must be a block mapping: one in flow style may hold `interactions:`
                // at column 0 too, and take the items for an error where the outline would not.
                if !hasTopLevel {
                    guard indentation == 0, startsKey(content) else { return nil }
                    hasTopLevel = true
                }
                if indentation == 0 && isInteractionsKey(content) {
                    lines.interactions = line
                    lines.interactionsStart = start
                    phase = .beforeItems
                }
            case .beforeItems:
                if isSkipped { break }
                guard isEntry(content) else { return nil }
                spans.append(Span(start: start, end: start, line: line))
                phase = .items(indentation: indentation)
            case .items(let itemIndentation):
                if isSkipped || indentation > itemIndentation { break }
                spans[spans.count - 1].end = start
                if indentation == itemIndentation && isEntry(content) {
                    spans.append(Span(start: start, end: start, line: line))
                } else if indentation == 0 && !isEntry(content) {
                    lines.suffix = line
                    lines.suffixStart = start
                    return (lines, spans)
                } else {
                    return nil
                }
            }
            start = next
        }
        guard case .items = phase else { return nil }
        spans[spans.count - 1].end = bytes.count
        lines.suffix = line + 1
        lines.suffixStart = bytes.count
        return (lines, spans)
    }

    private static let interactionsKey = Array("interactions:".utf8)

    /// `interactions:`, then nothing but spaces and a comment.
    private static func isInteractionsKey(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        let key = interactionsKey
        guard content.count >= key.count, content.prefix(key.count).elementsEqual(key) else { return false }
        let rest = UnsafeBufferPointer(rebasing: content[key.count...])
        guard let first = rest.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") }) else { return true }
        return first > rest.startIndex && rest[first] == UInt8(ascii: "#")
    }

    /// A line that can only start a key of a block mapping at the top (or something the parser
    /// rejects): a plain or quoted scalar, not a flow collection, a tag, an anchor or a marker.
    private static func startsKey(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = content.first else { return false }
        let isLetter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first | 0x20)
        let isDigit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        return isLetter || isDigit || first == UInt8(ascii: "_") || first == UInt8(ascii: "\"") || first == UInt8(ascii: "'")
    }

    /// A block sequence entry: `-` then a space or the end of the line.
    private static func isEntry(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        guard content.first == UInt8(ascii: "-") else { return false }
        return content.count == 1 || content[1] == UInt8(ascii: " ") || content[1] == UInt8(ascii: "\r")
    }

    private static func isBlank(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
        content.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }
    }
}
