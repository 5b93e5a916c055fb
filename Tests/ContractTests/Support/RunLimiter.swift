import Synchronization

/// Lets at most `width` bodies run at once; the others wait their turn, in order.
final class RunLimiter: Sendable {
    private let state: Mutex<(free: Int, waiting: [CheckedContinuation<Void, Never>])>

    init(width: Int) {
        self.state = Mutex((width, []))
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state -> Bool in
                guard state.free > 0 else {
                    state.waiting.append(continuation)
                    return false
                }
                state.free -= 1
                return true
            }
            if admitted { continuation.resume() }
        }
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty {
                    state.free += 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}
