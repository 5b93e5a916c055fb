import Foundation

/// One TikTok Shop API request as the connection reads it: its head, the facts taken when the
/// head arrived (arrival number, request id, times), and its body once read.
struct APIRequest: Sendable {
    let head: APIRequestHead
    let arrival: Int64
    let requestID: String
    /// The scenario clock's time at arrival, in Unix seconds.
    let scenarioTime: Int64
    /// The same with fractions.
    let scenarioSeconds: Double
    let wallTime: Date
    /// When the head arrived, for the entry's duration.
    let started: ContinuousClock.Instant
    /// The body read so far.
    var body: [UInt8] = []

    /// The target's path.
    var path: String { head.target.path }
    /// The target's query (after `?`, before any `#`), empty when it has none.
    var query: String { head.target.query }
}
