import Synchronization

/// Who waits for a request entry (``Journal/firstEntry(after:timeout:matching:)``): the
/// journal's writer shows each entry here once it is redacted, before it writes it.
final class JournalWatchers: Sendable {
    private struct Watcher: Sendable {
        var predicate: @Sendable (JournalEntry) -> Bool
        var continuation: AsyncStream<JournalEntry>.Continuation
    }

    private let watchers = Mutex<[Int: Watcher]>([:])
    private let nextKey = Atomic<Int>(0)

    /// Adds a watcher; the key removes it.
    func add(predicate: @escaping @Sendable (JournalEntry) -> Bool, continuation: AsyncStream<JournalEntry>.Continuation) -> Int {
        let key = nextKey.wrappingAdd(1, ordering: .relaxed).newValue
        watchers.withLock { $0[key] = Watcher(predicate: predicate, continuation: continuation) }
        return key
    }

    func remove(_ key: Int) {
        watchers.withLock { _ = $0.removeValue(forKey: key) }
    }

    /// Yields the entry to every watcher it matches; costs nothing when nobody watches.
    func show(_ request: PendingRequest) {
        let current = watchers.withLock { $0.isEmpty ? [] : Array($0.values) }
        guard !current.isEmpty else { return }
        let entry = request.completeEntry
        for watcher in current where watcher.predicate(entry) { watcher.continuation.yield(entry) }
    }
}
