/// Text for the YAML the derivation writes by hand: scalars that read back exactly, and
/// comments that stay comments whatever a recorded value holds.
enum YAMLText {
    /// A double-quoted scalar: reads back as this exact text, whatever it holds (`: `, `#`,
    /// quotes, line breaks, `007`, `true`).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isBreakOrControl(scalar) {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Comment text on one line: line breaks and control characters become spaces.
    static func commentText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isBreakOrControl($0) || $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    /// Own-line comments at an indentation, wrapped at about `width` columns.
    static func commentLines(_ text: String, indent: Int = 0, width: Int = 100) -> [String] {
        let prefix = String(repeating: " ", count: indent) + "# "
        var lines: [String] = []
        var line = ""
        for word in commentText(text).split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && prefix.count + line.count + 1 + word.count > width {
                lines.append(prefix + line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(prefix + line) }
        return lines
    }

    /// Characters a YAML scalar or comment must not hold as they are: C0 and C1 controls, DEL,
    /// the Unicode line and paragraph separators, the byte order mark.
    private static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }
}
