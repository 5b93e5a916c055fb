import Synchronization

/// Runs work that must end within a bound of real time, and says whether it did, without
/// hanging the test when it does not: the work runs in a task of its own, left behind (and
/// cancelled) past the bound, so a test of a hang fails instead of hanging.
enum RealTimeBound {
    /// What the work returned and how long it took; nil when it took longer than `limit`.
    static func run<T: Sendable>(
        within limit: Duration,
        _ work: @escaping @Sendable () async -> T
    ) async -> (value: T, elapsed: Duration)? {
        let started = ContinuousClock.now
        let outcome = Mutex<CheckedContinuation<(value: T, elapsed: Duration)?, Never>?>(nil)
        let worker = Mutex<Task<Void, Never>?>(nil)
        let timer = Mutex<Task<Void, Never>?>(nil)
        let result = await withCheckedContinuation { continuation in
            outcome.withLock { $0 = continuation }
            worker.withLock {
                $0 = Task {
                    let value = await work()
                    outcome.withLock { $0.take() }?.resume(returning: (value, ContinuousClock.now - started))
                }
            }
            timer.withLock {
                $0 = Task {
                    try? await Task.sleep(for: limit)
                    outcome.withLock { $0.take() }?.resume(returning: nil)
                }
            }
        }
        timer.withLock { $0 }?.cancel()
        if result == nil { worker.withLock { $0 }?.cancel() }
        return result
    }
}
