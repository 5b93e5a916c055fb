/// Text from the journal (what a client sent, or an upstream answered) made safe for a
/// terminal or an XML file: control characters are shown, not sent.
///
/// An escape sequence in a client's query could erase or forge lines of a CI log, and a
/// control character makes JUnit XML unreadable (XML 1.0 has no way to hold U+001B). Each
/// such character is written as `\u{1B}`: visible, and the rest of the text is unchanged.
package enum UntrustedText {
    /// For a terminal: every control character shown, line breaks included (one line stays one line).
    package static func forTerminal(_ text: String) -> String {
        shown(text, keepingLineBreaks: false)
    }

    /// For XML element content or a quoted attribute: escaped, and the characters XML 1.0
    /// cannot hold shown (tabs and line breaks kept).
    package static func forXML(_ text: String) -> String {
        HTMLText.escaped(text)
    }

    /// Whether a scalar is shown as `\u{..}` rather than sent: control characters (line
    /// breaks and tabs unless kept), bidirectional overrides and isolates, and the noncharacters
    /// U+FFFE and U+FFFF. One rule for the terminal, XML and HTML.
    package static func isShown(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F: true
        // Bidirectional overrides and isolates reorder what a reader sees.
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    /// How a shown scalar is written.
    package static func shownForm(of scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    private static func shown(_ text: String, keepingLineBreaks: Bool) -> String {
        guard text.unicodeScalars.contains(where: { isShown($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            if isShown(scalar, keepingLineBreaks: keepingLineBreaks) {
                result += shownForm(of: scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
