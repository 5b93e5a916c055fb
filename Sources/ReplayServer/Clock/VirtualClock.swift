public import Foundation
import Synchronization

/// The scenario's business clock: product age, the 24-hour rule, token expiry and every
/// delay in the simulated shop run on it, never on the wall clock.
///
/// It starts at the scenario's instant and stands still until it is moved.
public final class VirtualClock: Sendable {
    /// The instant the scenario started at.
    public let start: Date
    private let current: Mutex<Date>

    init(start: Date) {
        self.start = start
        self.current = Mutex(start)
    }

    /// The current scenario time.
    public var now: Date { current.withLock { $0 } }

    /// The current scenario time in whole Unix seconds, as the API writes times.
    var unixSeconds: Int64 { Int64(now.timeIntervalSince1970.rounded(.down)) }

    /// Puts the clock back to the scenario's start (admin reset).
    func reset() {
        current.withLock { $0 = start }
    }
}
