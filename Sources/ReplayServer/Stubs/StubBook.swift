import Scenarios
import Synchronization

/// The scenario's stubs, with how many calls each has matched so far.
final class StubBook: Sendable {
    private let stubs: [Stub]
    private let counts: Mutex<[Int]>

    init(stubs: [Stub]) {
        self.stubs = stubs
        self.counts = Mutex(Array(repeating: 0, count: stubs.count))
    }

    /// The first stub that answers this request, counting it as a matching call of every stub it fits.
    func answer(method: String, path: String, operation: APIOperation?, query: QueryString, body: JSONValue?) -> Stub? {
        guard !stubs.isEmpty else { return nil }
        let fitting = stubs.indices.filter { fits(stubs[$0].match, method: method, path: path, operation: operation, query: query, body: body) }
        guard !fitting.isEmpty else { return nil }
        let answering = counts.withLock { counts -> Int? in
            for index in fitting { counts[index] += 1 }
            return fitting.first { index in stubs[index].match.calls.map { $0.contains(counts[index]) } ?? true }
        }
        return answering.map { stubs[$0] }
    }

    func reset() {
        counts.withLock { $0 = Array(repeating: 0, count: stubs.count) }
    }

    private func fits(_ match: Stub.Match, method: String, path: String, operation: APIOperation?, query: QueryString, body: JSONValue?) -> Bool {
        if let wanted = match.method, wanted != method { return false }
        if let wanted = match.path, wanted != path { return false }
        if let wanted = match.operation, wanted != operation { return false }
        for (name, value) in match.query where query[name] != value { return false }
        for (name, value) in match.body where body?[name] != value { return false }
        return true
    }
}
