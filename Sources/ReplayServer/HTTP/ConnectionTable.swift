import NIOCore
import Synchronization

/// The open connections of one server, capped: a connection past the cap takes the place of
/// the one that has waited longest for its client (idle, or sending its head), which is closed;
/// when every connection is answering a request or reading its body, there is no place.
///
/// Each connection tells its own place when it starts and stops waiting for its client (a few
/// times per request): a store in the place, with no lock the connections share. The table's
/// lock is taken when a connection opens or closes; finding the longest waiting is a scan of the
/// table, done only when it is full.
final class ConnectionTable: Sendable {
    /// A connection's place in the table, and since when the connection waits for its client.
    final class Ticket: Sendable {
        fileprivate let number: UInt64
        fileprivate let evict: @Sendable () -> Void
        /// `NIODeadline.uptimeNanoseconds` of the start of the wait; `UInt64.max` while the server works for it.
        private let waitingSince: Atomic<UInt64>

        fileprivate init(number: UInt64, since: NIODeadline, evict: @escaping @Sendable () -> Void) {
            self.number = number
            self.evict = evict
            self.waitingSince = Atomic(since.uptimeNanoseconds)
        }

        /// Since when the connection waits for its client; nil while the server works for it.
        fileprivate var since: NIODeadline? {
            let nanoseconds = waitingSince.load(ordering: .relaxed)
            return nanoseconds == .max ? nil : NIODeadline.uptimeNanoseconds(nanoseconds)
        }

        fileprivate func setWaiting(since: NIODeadline?) {
            waitingSince.store(since?.uptimeNanoseconds ?? .max, ordering: .relaxed)
        }
    }

    private struct State {
        var entries: [UInt64: Ticket] = [:]
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
        let (ticket, victim) = state.withLock { state -> (Ticket?, Ticket?) in
            var victim: Ticket?
            if state.entries.count >= capacity {
                var longest: (ticket: Ticket, since: NIODeadline)?
                for ticket in state.entries.values {
                    if let since = ticket.since, since < longest?.since ?? .distantFuture {
                        longest = (ticket, since)
                    }
                }
                guard let longest else { return (nil, nil) }
                victim = state.entries.removeValue(forKey: longest.ticket.number)
            }
            state.lastNumber += 1
            let ticket = Ticket(number: state.lastNumber, since: now, evict: evict)
            state.entries[ticket.number] = ticket
            return (ticket, victim)
        }
        victim?.evict()
        return ticket
    }

    /// Records that a connection waits for its client since `since`, or (nil) that the server
    /// works for it. Only the connection's own place is touched.
    func setWaiting(_ ticket: Ticket, since: NIODeadline?) {
        ticket.setWaiting(since: since)
    }

    /// Gives a closed connection's place back.
    func remove(_ ticket: Ticket) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket.number) }
    }
}
