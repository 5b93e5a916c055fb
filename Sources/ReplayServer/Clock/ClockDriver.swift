/// Runs the clock's due work in the background: right away when something is scheduled for
/// now (a webhook with no delay after an edit), and, for a scaled clock, every 10 ms of real
/// time as virtual time flows. The server owns it and stops it.
final class ClockDriver: Sendable {
    private let task: Task<Void, Never>
    private let clock: VirtualClock

    init(clock: VirtualClock) {
        self.clock = clock
        self.task = Task {
            if case .scaled = clock.mode {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .milliseconds(10))
                    await clock.runDue()
                }
            } else {
                for await _ in clock.wakeups {
                    await clock.runDue()
                }
            }
        }
    }

    func stop() async {
        clock.finishWakeups()
        task.cancel()
        await task.value
    }
}
