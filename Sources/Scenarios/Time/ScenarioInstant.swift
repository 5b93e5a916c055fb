public import Foundation

/// Parsing and printing of instants in ISO 8601, the form scenario files use.
public enum ScenarioInstant {
    /// Parses `2026-11-02T09:00:00Z`, with optional fractional seconds or a numeric offset.
    ///
    /// - Returns: nil when the text is not an ISO 8601 date-time.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
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
        if let date = try? container.decode(Date.self) {
            self.date = date
            return
        }
        let text = try container.decode(String.self)
        guard let date = ScenarioInstant.parse(text) else {
            throw decoder.invalidValue("'\(text)' is not an ISO 8601 instant such as 2026-11-02T09:00:00Z")
        }
        self.date = date
    }
}
