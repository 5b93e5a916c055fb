import Foundation

/// A string written as a JSON string literal, by hand: the journal's header columns and the
/// cassette index's canonical keys are written for every request or interaction, and
/// JSONEncoder is slow for that.
package enum JSONString {
    /// Appends `string` quoted, with quotes, backslashes and control characters escaped.
    package static func append(_ string: String, to text: inout String) {
        guard needsEscaping(string) else {
            text += "\""
            text += string
            text += "\""
            return
        }
        var bytes: [UInt8] = []
        append(string, to: &bytes)
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `string` quoted, as UTF-8 bytes, with quotes, backslashes and control characters
    /// escaped exactly as Foundation's `JSONEncoder` escapes them (`\b`, `\f`, `\n`, `\r`, `\t`,
    /// else `\u00xx`), so that a recorded answer written through it is the encoder's bytes.
    package static func append(_ string: String, to bytes: inout [UInt8]) {
        var string = string
        bytes.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            // Runs of bytes that need no escape are copied whole; every byte escaped is ASCII,
            // so UTF-8 is escaped byte by byte.
            var start = 0
            for (index, byte) in utf8.enumerated() where byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                start = index + 1
                switch byte {
                case UInt8(ascii: "\""): bytes += #"\""#.utf8
                case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
                case 0x08: bytes += #"\b"#.utf8
                case 0x0C: bytes += #"\f"#.utf8
                case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
                case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
                case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
                default: bytes += String(format: "\\u%04x", byte).utf8
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscaping(_ string: String) -> Bool {
        string.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 })
    }
}
