import NIOCore
import Synchronization

/// The open connections of one server, capped: a connection past the cap takes the place of
/// the one that has waited longest for its client (idle, or sending its head), which is closed;
/// when every connection is answering a request or reading its body, there is no place.
///
/// Each connection tells the table when it starts and stops waiting for its client (a few
/// times per request, under one lock); finding the longest waiting is a scan of the table, done
/// only when it is full.
final class ConnectionTable: Sendable {
    /// A connection's place in the table.
    struct Ticket: Hashable, Sendable {
        fileprivate let number: UInt64
    }

    private struct Entry {
        /// Since when the connection waits for its client; nil while the server works for it.
        var waitingSince: NIODeadline?
        let evict: @Sendable () -> Void
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var lastNumber: UInt64 = 0
    }

    /// The most connections open at once.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Takes a place for a new connection, which waits for its client from now: a free place,
    /// else the place of the connection that has waited longest (whose `evict` is called), else
    /// none (nil).
    func admit(evict: @escaping @Sendable () -> Void) -> Ticket? {
        let now = NIODeadline.now()
        let (ticket, victim) = state.withLock { state -> (Ticket?, (@Sendable () -> Void)?) in
            var victim: (@Sendable () -> Void)?
            if state.entries.count >= capacity {
                var longest: (number: UInt64, since: NIODeadline)?
                for (number, entry) in state.entries {
                    if let since = entry.waitingSince, since < longest?.since ?? .distantFuture {
                        longest = (number, since)
                    }
                }
                guard let longest else { return (nil, nil) }
                victim = state.entries.removeValue(forKey: longest.number)?.evict
            }
            state.lastNumber += 1
            state.entries[state.lastNumber] = Entry(waitingSince: now, evict: evict)
            return (Ticket(number: state.lastNumber), victim)
        }
        victim?()
        return ticket
    }

    /// Records that a connection waits for its client since `since`, or (nil) that the server works for it.
    func setWaiting(_ ticket: Ticket, since: NIODeadline?) {
        state.withLock { $0.entries[ticket.number]?.waitingSince = since }
    }

    /// Gives a closed connection's place back.
    func remove(_ ticket: Ticket) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket.number) }
    }
}
