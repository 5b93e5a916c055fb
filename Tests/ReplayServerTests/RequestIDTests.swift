import Foundation
import Testing

@testable import ReplayServer

/// `request_id`s: `YYYYMMDDhhmmss` of scenario time, then 20 hex digits from the seed and arrival.
@Suite("Request ids")
struct RequestIDTests {
    /// The stamp as `Calendar` writes it, in UTC: what the ids said before they were written by hand.
    static func calendarStamp(_ unixSeconds: Int64) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second],
            from: Date(timeIntervalSince1970: TimeInterval(unixSeconds))
        )
        return String(format: "%d%02d%02d%02d%02d%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
    }

    @Test(
        arguments: [
            0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 951_868_800, 1_709_164_800, 1_793_610_000, 4_107_542_399, 4_107_542_400,
            13_574_563_200, 253_402_300_799,
        ] as [Int64]
    )
    func theStampIsTheUTCDate(unixSeconds: Int64) {
        let id = RequestIDGenerator(seed: 7).id(sequence: 1, scenarioTime: unixSeconds)
        #expect(String(id.prefix(id.count - 20)) == Self.calendarStamp(unixSeconds))
    }

    @Test func theStampIsTheUTCDateThroughFourCenturies() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2_000 {
            let unixSeconds = Int64(generator.next() % 13_000_000_000)
            let id = RequestIDGenerator(seed: 7).id(sequence: 1, scenarioTime: unixSeconds)
            #expect(String(id.prefix(id.count - 20)) == Self.calendarStamp(unixSeconds), "at \(unixSeconds)")
        }
    }

    @Test func theTailIsTheSeedsHexAndTheArrivalCounter() {
        let id = RequestIDGenerator(seed: 7).id(sequence: 0x1_2345, scenarioTime: 1_793_610_000)
        var generator = SeededGenerator(seed: 7 &+ 0x1_2345 &* 0x9E37_79B9_7F4A_7C15)
        let hex = String(generator.next(), radix: 16, uppercase: true)
        #expect(id == "20261102090000" + String(repeating: "0", count: 16 - hex.count) + hex + "2345")
    }
}
