import Foundation

/// A string written as a JSON string literal, by hand: the journal's header columns and the
/// cassette index's canonical keys are written for every request or interaction, and
/// JSONEncoder is slow for that.
package enum JSONString {
    /// Appends `string` quoted, with quotes, backslashes and control characters escaped.
    package static func append(_ string: String, to text: inout String) {
        text += "\""
        guard string.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
            text += string
            text += "\""
            return
        }
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20: text += String(format: "\\u%04x", scalar.value)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
