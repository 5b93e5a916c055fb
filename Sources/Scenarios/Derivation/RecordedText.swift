/// Reading values out of recorded exchanges, whose secrets `tts-replay record` replaced with
/// `<redacted:KIND:N>` placeholders (docs/cassettes.md, "Redaction").
enum RecordedText {
    /// Whether a recorded value holds a redaction placeholder, whole or inside it (`Bearer <redacted:...>`).
    static func isRedacted(_ text: String) -> Bool {
        Cassette.holdsPlaceholder(text)
    }

    /// The text of a value usable as an id or a word: a string, or an integral number (some
    /// answers write ids as numbers); nil for anything else, an empty string, or a placeholder.
    static func usable(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            return text.isEmpty || isRedacted(text) ? nil : text
        case .number(let number)? where number.rounded() == number && abs(number) < 9e15:
            return String(Int64(number))
        default:
            return nil
        }
    }

    /// A number of seconds: a number or numeric text (Unix times arrive either way).
    static func seconds(_ value: JSONValue?) -> Int64? {
        switch value {
        case .number(let number)? where number.rounded() == number && abs(number) < 9e15:
            return Int64(number)
        case .string(let text)?:
            return Int64(text)
        default:
            return nil
        }
    }
}
