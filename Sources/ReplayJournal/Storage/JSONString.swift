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

    /// Appends `string` quoted, as UTF-8 bytes, with quotes, backslashes and control characters escaped.
    package static func append(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        guard needsEscaping(string) else {
            bytes += string.utf8
            bytes.append(UInt8(ascii: "\""))
            return
        }
        // Every byte escaped is ASCII, so UTF-8 is escaped byte by byte.
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += #"\""#.utf8
            case UInt8(ascii: "\\"): bytes += #"\\"#.utf8
            case UInt8(ascii: "\n"): bytes += #"\n"#.utf8
            case UInt8(ascii: "\r"): bytes += #"\r"#.utf8
            case UInt8(ascii: "\t"): bytes += #"\t"#.utf8
            case _ where byte < 0x20: bytes += String(format: "\\u%04x", byte).utf8
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscaping(_ string: String) -> Bool {
        string.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 })
    }
}
