import Foundation

/// A span of time written the way people write it: `90s`, `40m`, `24h`, `-3d`, `1h30m`, `2w`.
///
/// Units are `ms`, `s`, `m`, `h`, `d` and `w`; a leading `-` makes the span negative (an instant
/// before the scenario starts, or a token that has already expired).
public struct HumanDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The span in milliseconds.
    public var milliseconds: Int64

    /// Creates a span from milliseconds.
    public init(milliseconds: Int64) {
        self.milliseconds = milliseconds
    }

    /// Creates a span from whole seconds (saturating at Int64's bounds in milliseconds).
    public init(seconds: Int64) {
        let (product, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        self.milliseconds = overflow ? (seconds < 0 ? .min : .max) : product
    }

    /// The longest span a scenario or suite may give, either way: 36500d (about 100 years).
    /// Longer ones are errors at their place, not arithmetic that overflows later.
    public static let longest = HumanDuration(milliseconds: 36_500 * 86_400_000)

    /// Whether the span is within ``longest`` either way.
    var isWithinLimit: Bool { milliseconds.magnitude <= Self.longest.milliseconds.magnitude }

    /// The span in seconds, rounded toward zero.
    public var seconds: Int64 { milliseconds / 1000 }

    /// Parses the human form.
    ///
    /// - Returns: nil when the text is not a duration, or one longer than ``longest``.
    public init?(parsing text: String) {
        guard let parsed = Self.parse(text), parsed.isWithinLimit else { return nil }
        self = parsed
    }

    /// The human form read without the limit; nil when it is not a duration or overflows.
    private static func parse(_ text: String) -> HumanDuration? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign: Int64 = 1
        if rest.first == "-" {
            sign = -1
            rest = rest.dropFirst()
        } else if rest.first == "+" {
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix(while: \.isASCII).prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 12, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unitText = rest.prefix(while: \.isLetter)
            guard let unit = Self.units[String(unitText)] else { return nil }
            rest = rest.dropFirst(unitText.count)
            let (product, overflow) = amount.multipliedReportingOverflow(by: unit)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return HumanDuration(milliseconds: sign * total)
    }

    private static let units: [String: Int64] = [
        "ms": 1, "s": 1000, "m": 60_000, "h": 3_600_000, "d": 86_400_000, "w": 604_800_000,
    ]

    public static func < (lhs: HumanDuration, rhs: HumanDuration) -> Bool {
        lhs.milliseconds < rhs.milliseconds
    }

    /// The shortest human form, such as `1d2h` or `-90s`.
    public var description: String {
        if milliseconds == 0 { return "0s" }
        var rest = abs(milliseconds)
        var text = milliseconds < 0 ? "-" : ""
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] where rest >= size {
            text += "\(rest / size)\(unit)"
            rest %= size
        }
        return text
    }
}

extension HumanDuration: Decodable {
    /// Decodes `90s`-style text, or a bare number of seconds.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let seconds = try? container.decode(Int64.self) {
            self.init(seconds: seconds)
            guard isWithinLimit else { throw decoder.invalidValue("\(seconds) seconds is longer than \(Self.longest), the longest duration") }
            return
        }
        let text = try container.decode(String.self)
        guard let parsed = Self.parse(text) else {
            throw decoder.invalidValue("'\(text)' is not a duration; write it as 90s, 40m, 24h, -3d or 1h30m")
        }
        guard parsed.isWithinLimit else { throw decoder.invalidValue("'\(text)' is longer than \(Self.longest), the longest duration") }
        self = parsed
    }
}
