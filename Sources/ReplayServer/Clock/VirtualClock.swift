public import Foundation
import ReplayJournal
import Synchronization

/// The scenario's business clock: product age, the 24-hour rule, the upgrade task's progress,
/// webhook delays and retries, and token expiry all run on it, never on the wall clock.
///
/// It starts at the scenario's instant. A manual clock moves only when told
/// (``advance(by:)``, or `POST /__admin/clock/advance`); a scaled clock also runs by itself,
/// some virtual seconds per real second. Whatever falls due in a jump happens, in order of
/// due time, before the move returns.
///
/// ```swift
/// try await client.triggerUpgrade()
/// await server.clock.advance(by: .seconds(2 * 3600))   // the task's two hours, in milliseconds
/// ```
public final class VirtualClock: Sendable {
    /// How the clock moves.
    public enum Mode: Sendable, Hashable {
        /// Only when told.
        case manual
        /// By itself, this many virtual seconds per real second (and also when told).
        case scaled(Double)
    }

    private struct Timer {
        var due: Double
        var sequence: Int
        var action: @Sendable () async -> Void
    }

    private struct State {
        /// Virtual Unix seconds at `anchorReal`.
        var anchorVirtual: Double
        var anchorReal: ContinuousClock.Instant
        /// Sorted by (due, sequence).
        var timers: [Timer] = []
        var sequence = 0
        /// Actions taken from `timers` and not finished yet.
        var running = 0
        /// Moves asked for (``advance(seconds:reason:)``) and not finished yet: between two of a
        /// move's timers nothing runs, yet the move is not over.
        var advancing = 0
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    /// The instant the scenario starts at.
    public let start: Date
    /// How the clock moves.
    public let mode: Mode
    private let state: Mutex<State>
    private let moving = AsyncLock()
    private let onMove: @Sendable (ClockMove) -> Void
    /// Rings when work is scheduled for now, so the driver runs it without a clock move.
    let wakeups: AsyncStream<Void>
    private let wakeupContinuation: AsyncStream<Void>.Continuation

    init(start: Date, mode: Mode, onMove: @escaping @Sendable (ClockMove) -> Void) {
        self.start = start
        self.mode = mode
        self.onMove = onMove
        (self.wakeups, self.wakeupContinuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        self.state = Mutex(State(anchorVirtual: start.timeIntervalSince1970, anchorReal: .now))
    }

    /// The current scenario time.
    public var now: Date {
        Date(timeIntervalSince1970: state.withLock { current($0) })
    }

    /// The current scenario time in whole Unix seconds, as the API writes times.
    var unixSeconds: Int64 { Int64(now.timeIntervalSince1970.rounded(.down)) }

    /// The latest instant the clock reaches, 9999-12-31T23:59:59Z: a move past it stops there
    /// (the API writes times as Unix seconds, and ISO 8601 years have four digits).
    public static let latest = Date(timeIntervalSince1970: 253_402_300_799)

    /// Moves the clock forward, running everything that falls due on the way, in order.
    ///
    /// - Parameter duration: How far to move; negative durations are ignored (time never runs
    ///   back), and the clock stops at ``latest``.
    public func advance(by duration: Duration) async {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        await advance(seconds: seconds, reason: "swift")
    }

    /// Moves the clock forward to an instant (a past instant leaves it where it is; one past
    /// ``latest`` moves it to ``latest``).
    public func advance(to instant: Date) async {
        await advance(seconds: instant.timeIntervalSince(now), reason: "swift")
    }

    /// Moves the clock and journals the move with a reason (`swift`, `admin`).
    func advance(seconds: Double, reason: String) async {
        state.withLock { $0.advancing += 1 }
        defer { wakeIfIdle { $0.advancing -= 1 } }
        await moving.withLock {
            let from = state.withLock { current($0) }
            let target = max(from, min(from + max(0, seconds), Self.latest.timeIntervalSince1970))
            while let timer = takeTimer(dueBy: target, settingTimeToIt: true) {
                await run(timer)
            }
            state.withLock { state in
                state.anchorVirtual = max(current(state), target)
                state.anchorReal = .now
            }
            onMove(
                ClockMove(
                    wallTime: Date().timeIntervalSince1970,
                    fromTime: Int64(from.rounded(.down)),
                    toTime: Int64(target.rounded(.down)),
                    reason: reason
                )
            )
        }
    }

    /// Runs whatever is due now without moving the clock: the scaled clock's heartbeat.
    func runDue() async {
        await moving.withLock {
            let target = state.withLock { current($0) }
            while let timer = takeTimer(dueBy: target, settingTimeToIt: false) {
                await run(timer)
            }
        }
    }

    /// Schedules work at an instant of the scenario clock (now or earlier: at the next move or heartbeat).
    func schedule(at instant: Date, _ action: @escaping @Sendable () async -> Void) {
        let isDue = state.withLock { state -> Bool in
            state.sequence += 1
            let timer = Timer(due: instant.timeIntervalSince1970, sequence: state.sequence, action: action)
            let index = state.timers.firstIndex { ($0.due, $0.sequence) > (timer.due, timer.sequence) } ?? state.timers.endIndex
            state.timers.insert(timer, at: index)
            return timer.due <= current(state)
        }
        if isDue { wakeupContinuation.yield() }
    }

    /// Waits until nothing more happens without a move of the clock: no move under way, nothing
    /// running and nothing due now (a manual clock), or nothing scheduled at all (a scaled
    /// clock, which moves by itself).
    ///
    /// - Returns: Whether that happened within `timeout` (real time).
    func awaitIdle(timeout: Duration) async -> Bool {
        let id = state.withLock { state -> Int? in
            if isIdle(state) { return nil }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let id else { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let idle = self.state.withLock { state -> Bool in
                        if self.isIdle(state) { return true }
                        state.waiters[id] = continuation
                        return false
                    }
                    if idle { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
            group.cancelAll()
            _ = await group.next()
            return first
        }
    }

    /// Ends the wake-up stream (server stop).
    func finishWakeups() {
        wakeupContinuation.finish()
    }

    /// When the earliest scheduled work falls due, if any.
    var nextDue: Date? {
        state.withLock { $0.timers.first.map { Date(timeIntervalSince1970: $0.due) } }
    }

    /// Back to the scenario's start, with nothing scheduled (admin reset).
    func reset() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            let waiters = Array(state.waiters.values)
            // Moves and actions under way still end, and count themselves out when they do.
            let (running, advancing) = (state.running, state.advancing)
            state = State(anchorVirtual: start.timeIntervalSince1970, anchorReal: .now)
            (state.running, state.advancing) = (running, advancing)
            return waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    // MARK: - Private

    private func current(_ state: State) -> Double {
        guard case .scaled(let rate) = mode else { return state.anchorVirtual }
        let elapsed = ContinuousClock.now - state.anchorReal
        return state.anchorVirtual + rate * (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    private func isIdle(_ state: State) -> Bool {
        guard state.running == 0, state.advancing == 0 else { return false }
        if case .scaled = mode { return state.timers.isEmpty }
        return !(state.timers.first.map { $0.due <= current(state) } ?? false)
    }

    /// Runs a taken timer's action, then wakes whoever waits for idleness.
    private func run(_ timer: Timer) async {
        await timer.action()
        wakeIfIdle { $0.running -= 1 }
    }

    /// Makes a change, then wakes whoever waits for idleness if the clock is idle.
    private func wakeIfIdle(after change: (inout State) -> Void) {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            change(&state)
            guard isIdle(state) else { return [] }
            defer { state.waiters.removeAll() }
            return Array(state.waiters.values)
        }
        for waiter in ready { waiter.resume() }
    }

    /// Removes the earliest timer due by `target`; a manual jump sets the clock to its due time first.
    private func takeTimer(dueBy target: Double, settingTimeToIt: Bool) -> Timer? {
        state.withLock { state in
            guard let first = state.timers.first, first.due <= target else { return nil }
            state.timers.removeFirst()
            state.running += 1
            if settingTimeToIt, first.due > current(state) {
                state.anchorVirtual = first.due
                state.anchorReal = .now
            }
            return first
        }
    }
}
