import Foundation

/// The `Retry-After` header as a number of seconds (RFC 9110, 10.2.3: delay-seconds).
///
/// One reading for the contract, the report and lint: digits, with a fraction leniently
/// allowed, finite and at most a year. `nan`, `inf`, `1e400` or `-1` are not delays: read as
/// a Double they made NaN or infinity, which broke the report's timeline and let a retry at
/// once pass. An HTTP-date is not read as a delay either (the fake never sends one).
package enum RetryAfter {
    /// The longest delay read: a year.
    package static let longest: Double = 366 * 86400

    /// The delay in seconds, or nil when the value is not delay-seconds.
    package static func seconds(_ value: String) -> Double? {
        let text = value.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let seconds = Double(text), seconds.isFinite, seconds <= longest
        else { return nil }
        return seconds
    }
}
