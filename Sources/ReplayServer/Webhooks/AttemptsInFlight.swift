import Synchronization

/// The webhook exchanges on the wire right now, so that stopping the server can cancel them
/// and wait, briefly, until their attempts are journaled. Once stopping, it admits no new one.
final class AttemptsInFlight: Sendable {
    private struct State {
        var exchanges: [Int: WebhookExchange] = [:]
        var nextID = 0
        var isStopping = false
        var drained: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// Admits an exchange about to run; nil once stopping (the attempt is then not made).
    func admit(_ exchange: WebhookExchange) -> Int? {
        state.withLock { state in
            guard !state.isStopping else { return nil }
            state.nextID += 1
            state.exchanges[state.nextID] = exchange
            return state.nextID
        }
    }

    /// The attempt admitted as `id` is over and journaled.
    func finished(_ id: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.exchanges.removeValue(forKey: id)
            guard state.exchanges.isEmpty else { return [] }
            defer { state.drained.removeAll() }
            return Array(state.drained.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Admits nothing more, cancels every exchange on the wire and waits until their attempts
    /// are journaled, at most `timeout`.
    ///
    /// - Returns: Whether every attempt in flight was journaled in time.
    @discardableResult
    func cancelAll(timeout: Duration) async -> Bool {
        let exchanges = state.withLock { state in
            state.isStopping = true
            return Array(state.exchanges.values)
        }
        for exchange in exchanges { exchange.cancelForServerStop() }
        let waiter = state.withLock { state -> Int? in
            guard !state.exchanges.isEmpty else { return nil }
            state.nextWaiter += 1
            return state.nextWaiter
        }
        guard let waiter else { return true }
        return await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await withCheckedContinuation { continuation in
                    let done = self.state.withLock { state -> Bool in
                        if state.exchanges.isEmpty { return true }
                        state.drained[waiter] = continuation
                        return false
                    }
                    if done { continuation.resume() }
                }
                return true
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            state.withLock { $0.drained.removeValue(forKey: waiter) }?.resume()
            group.cancelAll()
            _ = await group.next()
            return first
        }
    }
}
