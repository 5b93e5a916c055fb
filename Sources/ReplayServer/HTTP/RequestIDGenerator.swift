import Foundation

/// Makes `request_id`s the way TikTok writes them (`YYYYMMDDhhmmss` + 20 upper-case hex
/// digits), deterministically from the scenario seed, the arrival number and scenario time,
/// so that two runs of the same client against the same scenario get the same ids.
struct RequestIDGenerator: Sendable {
    let seed: UInt64

    func id(sequence: Int64, scenarioTime: Int64) -> String {
        var generator = SeededGenerator(seed: seed &+ UInt64(bitPattern: sequence) &* 0x9E37_79B9_7F4A_7C15)
        let hex = String(generator.next(), radix: 16, uppercase: true)
        let counter = String(UInt16(truncatingIfNeeded: sequence), radix: 16, uppercase: true)
        return Self.stamp(scenarioTime)
            + String(repeating: "0", count: 16 - hex.count) + hex
            + String(repeating: "0", count: 4 - counter.count) + counter
    }

    /// `YYYYMMDDhhmmss` in UTC.
    private static func stamp(_ unixSeconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: TimeInterval(unixSeconds))
        )
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(parts.year ?? 1970)" + two(parts.month) + two(parts.day) + two(parts.hour) + two(parts.minute) + two(parts.second)
    }
}
