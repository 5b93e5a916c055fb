import Yams

/// The type YAML's default resolver gives a plain (unquoted, untagged) scalar, found by reading
/// its bytes rather than by running Yams' regular expressions, which cost microseconds a scalar.
///
/// The answer is exactly the one of `Resolver.default` (its rules bool, int, float, merge, null,
/// timestamp and value, in that order, the first that matches the whole text winning); text the
/// byte reading does not cover (anything but ASCII, or a line break, which the patterns' `$`
/// treats specially) is resolved by Yams itself.
enum YAMLPlainScalar: Equatable {
    case bool, int, float, merge, null, timestamp, value, string

    /// How the default resolver types `text` when it is written plain.
    static func resolve(_ text: String) -> YAMLPlainScalar {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first else { return .null }
            // Most text starts with a letter no typed scalar starts with: done without a scan.
            if isLetter(first) && !Self.ambiguousFirstLetters.contains(first) { return .string }
            guard bytes.allSatisfy({ $0 < 0x80 && !lineBreaks.contains($0) }) else { return resolvedByYams(String(decoding: bytes, as: UTF8.self)) }
            var reader = Reader(bytes)
            if isBool(bytes) { return .bool }
            if reader.matchesInt() { return .int }
            reader.rewind()
            if reader.matchesFloat() { return .float }
            if bytes.elementsEqual("<<".utf8) { return .merge }
            if nullSpellings.contains(where: { bytes.elementsEqual($0.utf8) }) { return .null }
            reader.rewind()
            if reader.matchesTimestamp() { return .timestamp }
            if bytes.elementsEqual("=".utf8) { return .value }
            return .string
        }
    }

    /// The first letters of the plain scalars that are not strings: `null`, `true`, `yes`, `on`...
    private static let ambiguousFirstLetters: Set<UInt8> = Set("nNtTfFyYoO".utf8)
    /// LF, vertical tab, form feed, CR: before a final one, the patterns' `$` matches too.
    private static let lineBreaks: Set<UInt8> = [0x0A, 0x0B, 0x0C, 0x0D]
    private static let boolSpellings = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF",
    ]
    private static let nullSpellings = ["~", "null", "Null", "NULL"]

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }

    private static func isBool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count <= 5 && boolSpellings.contains { bytes.elementsEqual($0.utf8) }
    }

    private static func resolvedByYams(_ text: String) -> YAMLPlainScalar {
        switch Resolver.default.resolveTag(of: Node(text)) {
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .merge: .merge
        case .null: .null
        case .timestamp: .timestamp
        case .value: .value
        default: .string
        }
    }
}

extension YAMLPlainScalar {
    /// A cursor over ASCII text that matches the default resolver's patterns, each anchored at
    /// both ends. Each pattern's repeated classes are disjoint from what follows them, so
    /// consuming greedily never misses a match the pattern's backtracking would find.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func rewind() { position = 0 }

        var atEnd: Bool { position == bytes.count }

        var next: UInt8? { position < bytes.count ? bytes[position] : nil }

        /// Consumes one byte when it is `byte`.
        mutating func take(_ byte: Character) -> Bool {
            guard next == byte.asciiValue else { return false }
            position += 1
            return true
        }

        /// Consumes one byte when `accepts` it.
        mutating func take(where accepts: (UInt8) -> Bool) -> Bool {
            guard let byte = next, accepts(byte) else { return false }
            position += 1
            return true
        }

        /// Consumes the bytes `accepts` while it does; how many.
        @discardableResult
        mutating func skip(while accepts: (UInt8) -> Bool) -> Int {
            let start = position
            while let byte = next, accepts(byte) { position += 1 }
            return position - start
        }

        mutating func takeSign() {
            _ = take("-") || take("+")
        }

        /// Consumes `text` when it comes next.
        mutating func take(_ text: String) -> Bool {
            let utf8 = text.utf8
            guard bytes.count - position >= utf8.count, bytes[position..<(position + utf8.count)].elementsEqual(utf8) else { return false }
            position += utf8.count
            return true
        }

        /// Consumes `:` and a sexagesimal digit pair (`[0-5]?[0-9]`) as often as they come; how often.
        mutating func sexagesimalGroups() -> Int {
            var count = 0
            while take(":") {
                guard take(where: isDigit) else { return -1 }
                // A second digit only after a first one of 0-5: `60` is not a group.
                if let second = next, isDigit(second) {
                    guard bytes[position - 1] <= UInt8(ascii: "5") else { return -1 }
                    position += 1
                }
                count += 1
            }
            return count
        }

        // MARK: - The patterns

        /// `[-+]?0b[0-1_]+ | [-+]?0o?[0-7_]+ | [-+]?(?:0|[1-9][0-9_]*) | [-+]?0x[0-9a-fA-F_]+ | [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+`
        mutating func matchesInt() -> Bool {
            takeSign()
            let start = position
            func rest(_ accepts: (UInt8) -> Bool) -> Bool { skip(while: accepts) > 0 && atEnd }
            if take("0b") && rest({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }) { return true }
            position = start
            if take("0x") && rest({ isHexDigit($0) || $0 == UInt8(ascii: "_") }) { return true }
            position = start
            if take("0") {
                if atEnd { return true }
                _ = take("o")
                return rest { (UInt8(ascii: "0")...UInt8(ascii: "7")).contains($0) || $0 == UInt8(ascii: "_") }
            }
            guard take(where: { (UInt8(ascii: "1")...UInt8(ascii: "9")).contains($0) }) else { return false }
            skip { isDigit($0) || $0 == UInt8(ascii: "_") }
            if atEnd { return true }
            return sexagesimalGroups() > 0 && atEnd
        }

        /// `[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)? | \.[0-9_]+(?:[eE][-+][0-9]+)? |
        /// [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]* | [-+]?\.(?:inf|Inf|INF) | \.(?:nan|NaN|NAN)`
        mutating func matchesFloat() -> Bool {
            if take(".") {
                if take("nan") || take("NaN") || take("NAN") { return atEnd }
                if take("inf") || take("Inf") || take("INF") { return atEnd }
                guard skip(while: { isDigit($0) || $0 == UInt8(ascii: "_") }) > 0 else { return false }
                if take("e") || take("E") {
                    guard take("-") || take("+") else { return false }
                    return skip(while: isDigit) > 0 && atEnd
                }
                return atEnd
            }
            takeSign()
            if take(".") { return (take("inf") || take("Inf") || take("INF")) && atEnd }
            guard take(where: isDigit) else { return false }
            skip { isDigit($0) || $0 == UInt8(ascii: "_") }
            if next == UInt8(ascii: ":") {
                guard sexagesimalGroups() > 0, take(".") else { return false }
                skip { isDigit($0) || $0 == UInt8(ascii: "_") }
                return atEnd
            }
            if take(".") { skip { isDigit($0) || $0 == UInt8(ascii: "_") } }
            if take("e") || take("E") {
                takeSign()
                guard skip(while: isDigit) > 0 else { return false }
            }
            return atEnd
        }

        /// `[0-9]{4}-[0-9]{2}-[0-9]{2} | [0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?`
        mutating func matchesTimestamp() -> Bool {
            func digits(_ range: ClosedRange<Int>) -> Bool { range.contains(skip(while: isDigit)) }
            let isBlank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard digits(4...4), take("-") else { return false }
            let month = skip(while: isDigit)
            guard (1...2).contains(month), take("-") else { return false }
            let day = skip(while: isDigit)
            guard (1...2).contains(day) else { return false }
            if atEnd { return month == 2 && day == 2 }
            guard take("T") || take("t") || skip(while: isBlank) > 0 else { return false }
            guard digits(1...2), take(":"), digits(2...2), take(":"), digits(2...2) else { return false }
            if take(".") { skip(while: isDigit) }
            if atEnd { return true }
            skip(while: isBlank)
            if take("Z") { return atEnd }
            guard take("-") || take("+"), digits(1...2) else { return false }
            if take(":") { guard digits(2...2) else { return false } }
            return atEnd
        }
    }
}

private func isDigit(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
}

private func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
}
