import Foundation
import Synchronization
import Testing

@testable import ReplayServer

/// The clock is idle only when no move is under way: between two timers of one move nothing
/// runs, and `run`'s settle once judged the journal there, before the move's later webhooks.
@Suite("Clock idleness during a move")
struct ClockIdlenessTests {
    /// A gate an action waits at until the test opens it.
    final class Gate: Sendable {
        private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>], reached: Bool)>((false, [], false))

        func pass() async {
            await withCheckedContinuation { continuation in
                let isOpen = state.withLock { state -> Bool in
                    state.reached = true
                    if !state.isOpen { state.waiters.append(continuation) }
                    return state.isOpen
                }
                if isOpen { continuation.resume() }
            }
        }

        func open() {
            for waiter in state.withLock({ state in
                state.isOpen = true
                defer { state.waiters = [] }
                return state.waiters
            }) { waiter.resume() }
        }

        var reached: Bool { state.withLock { $0.reached } }
    }

    @Test func aMoveBetweenTwoOfItsTimersIsNotIdle() async throws {
        let start = Date(timeIntervalSince1970: 1_793_610_000)
        let clock = VirtualClock(start: start, mode: .manual, onMove: { _ in })
        let (first, second) = (Gate(), Gate())
        clock.schedule(at: start.addingTimeInterval(10)) { await first.pass() }
        clock.schedule(at: start.addingTimeInterval(20)) { await second.pass() }
        let move = Task { await clock.advance(by: .seconds(30)) }
        while !first.reached { await Task.yield() }
        let waiting = Task { await clock.awaitIdle(timeout: .milliseconds(300)) }
        first.open()  // the first timer ends; the second is not due at its time, yet the move goes on
        #expect(await waiting.value == false, "idle while the move had a timer left to run")
        #expect(second.reached)
        second.open()
        await move.value
        #expect(await clock.awaitIdle(timeout: .seconds(5)))
        #expect(clock.now == start.addingTimeInterval(30))
    }
}
