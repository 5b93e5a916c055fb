import Foundation

/// Text made safe for an HTML page. Everything the journal holds is hostile input (client
/// bodies, paths, headers): it reaches the page only through these two doors.
package enum HTMLText {
    /// Text escaped for an element's content or a quoted attribute value.
    package static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            // Control characters and bidirectional overrides from the journal are shown, not
            // sent (tabs and line breaks kept), as in the terminal summary.
            case _ where UntrustedText.isShown(character, keepingLineBreaks: true):
                escaped += UntrustedText.shownForm(of: character)
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// A value as JSON that can sit inside `<script type="application/json">`: `<`, `>` and
    /// `&` only occur inside JSON strings, so writing them as `\u003c`, `\u003e`, `\u0026`
    /// keeps the text the same for `JSON.parse` while no `</script>` or `<!--` can appear.
    static func scriptJSON(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A NaN or infinity from the journal must not make the whole page's data null.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let json = (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: ">", with: "\\u003e")
            .replacingOccurrences(of: "&", with: "\\u0026")
    }
}
