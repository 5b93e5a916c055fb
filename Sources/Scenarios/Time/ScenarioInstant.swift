public import Foundation

/// Parsing and printing of instants in ISO 8601, the form scenario files use.
public enum ScenarioInstant {
    /// Parses `2026-11-02T09:00:00Z`, with optional fractional seconds or a numeric offset.
    ///
    /// - Returns: nil when the text is not an ISO 8601 date-time.
    /// - Returns: nil when the text is not an ISO 8601 date-time, or names a day, hour, minute
    ///   or second that does not exist (`2026-13-02`, `2026-02-30`, `25:61`), which the system's
    ///   parser would carry over into the next month or day.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        var date = plain.date(from: text)
        if date == nil {
            let fractional = ISO8601DateFormatter()
            fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            date = fractional.date(from: text)
        }
        guard let date, namesItsOwnFields(text, date) else { return nil }
        return date
    }

    /// Whether the date, seen at the text's own offset, has the year, month, day, hour, minute
    /// and second the text writes: false when the parser carried an overflow over.
    private static func namesItsOwnFields(_ text: String, _ date: Date) -> Bool {
        let characters = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= characters.count else { return nil }
            return Int(String(decoding: characters[range], as: UTF8.self))
        }
        // YYYY-MM-DDTHH:MM:SS, then fractions, then Z or ±HH:MM.
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19)
        else { return false }
        var offset = 0
        if let sign = characters.lastIndex(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }), sign >= 19 {
            // ±HH, ±HHMM or ±HH:MM.
            let digits = characters[(sign + 1)...].filter { $0 != UInt8(ascii: ":") }
            guard digits.count == 2 || digits.count == 4, let value = Int(String(decoding: digits, as: UTF8.self)) else { return false }
            let (hours, minutes) = digits.count == 2 ? (value, 0) : (value / 100, value % 100)
            guard hours < 24, minutes < 60 else { return false }
            offset = (hours * 60 + minutes) * 60 * (characters[sign] == UInt8(ascii: "-") ? -1 : 1)
        }
        guard let zone = TimeZone(secondsFromGMT: offset) else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let fields = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return fields.year == year && fields.month == month && fields.day == day && fields.hour == hour && fields.minute == minute
            && fields.second == second
    }

    /// Formats an instant as `2026-11-02T09:00:00Z`.
    public static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

/// Decodes an instant from ISO 8601 text (YAML timestamps arrive as text too).
struct DecodedInstant: Decodable {
    var date: Date

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // As text first: a YAML timestamp decoded as a date would carry 2026-13-02 over into 2027.
        guard let text = try? container.decode(String.self) else {
            self.date = try container.decode(Date.self)
            return
        }
        guard let date = ScenarioInstant.parse(text) else {
            throw decoder.invalidValue("'\(text)' is not an ISO 8601 instant such as 2026-11-02T09:00:00Z")
        }
        self.date = date
    }
}
