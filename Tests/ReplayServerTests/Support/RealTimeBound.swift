import Synchronization

/// Runs work that must end within a bound of real time, and says whether it did, without
/// hanging the test when it does not: the work runs in a task of its own, left behind (and
/// cancelled) past the bound, so a test of a hang fails instead of hanging.
enum RealTimeBound {
    /// Whichever comes first, the work's end or the bound, resumes the caller.
    private final class Race<T: Sendable>: Sendable {
        let waiter = Mutex<CheckedContinuation<(value: T, elapsed: Duration)?, Never>?>(nil)

        func settle(_ result: (value: T, elapsed: Duration)?) {
            waiter.withLock { $0.take() }?.resume(returning: result)
        }
    }

    /// What the work returned and how long it took; nil when it took longer than `limit`.
    static func run<T: Sendable>(
        within limit: Duration,
        _ work: @escaping @Sendable () async -> T
    ) async -> (value: T, elapsed: Duration)? {
        let started = ContinuousClock.now
        let race = Race<T>()
        var worker: Task<Void, Never>?
        var timer: Task<Void, Never>?
        let result = await withCheckedContinuation { continuation in
            race.waiter.withLock { $0 = continuation }
            worker = Task {
                let value = await work()
                race.settle((value, ContinuousClock.now - started))
            }
            timer = Task {
                try? await Task.sleep(for: limit)
                race.settle(nil)
            }
        }
        timer?.cancel()
        if result == nil { worker?.cancel() }
        return result
    }
}
