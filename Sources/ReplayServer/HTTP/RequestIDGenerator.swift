/// Makes `request_id`s the way TikTok writes them (`YYYYMMDDhhmmss` + 20 upper-case hex
/// digits), deterministically from the scenario seed, the arrival number and scenario time,
/// so that two runs of the same client against the same scenario get the same ids.
///
/// One is made for every request: it is written straight into its string's storage (one
/// allocation), the date by integer arithmetic rather than through `Calendar`.
struct RequestIDGenerator: Sendable {
    let seed: UInt64

    func id(sequence: Int64, scenarioTime: Int64) -> String {
        var generator = SeededGenerator(seed: seed &+ UInt64(bitPattern: sequence) &* 0x9E37_79B9_7F4A_7C15)
        let random = generator.next()
        let (days, second) = Self.floorDivision(scenarioTime, 86_400)
        let date = Self.civilDate(daysSince1970: days)
        let year = String(date.year)
        return String(unsafeUninitializedCapacity: year.utf8.count + 10 + 20) { buffer in
            var end = buffer.initialize(fromContentsOf: year.utf8)
            for part in [date.month, date.day, second / 3600, second % 3600 / 60, second % 60] {
                buffer[end] = UInt8(ascii: "0") + UInt8(part / 10)
                buffer[end + 1] = UInt8(ascii: "0") + UInt8(part % 10)
                end += 2
            }
            Self.writeHex(random, digits: 16, into: buffer, at: &end)
            Self.writeHex(UInt64(UInt16(truncatingIfNeeded: sequence)), digits: 4, into: buffer, at: &end)
            return end
        }
    }

    /// The calendar date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilDate(daysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468  // days since 0000-03-01
        let era = Self.floorDivision(shifted, 146_097).quotient
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // March is 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }

    private static func writeHex(_ value: UInt64, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at end: inout Int) {
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let nibble = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0xF
            buffer[end] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
            end += 1
        }
    }
}
