import Dispatch
import Foundation
import ReplayJournal
import Scenarios
import Synchronization

/// The scenario's cassettes, indexed so that finding the interaction for a request costs one
/// hash lookup per matching rule of its route, whether the cassettes hold a hundred
/// interactions or a hundred thousand. Answers are encoded once, at start.
final class CassettePlayer: Sendable {
    /// A recorded answer, ready to send.
    struct Recorded: Sendable {
        var status: Int
        /// The recorded headers; without a content-type the answer goes out as JSON.
        var headers: [(name: String, value: String)]
        var body: [UInt8]
        /// The envelope's `code`, when the body is an envelope.
        var code: Int?
        /// The cassette's file name (one string shared by all its interactions).
        var cassette: String
        /// The interaction's number in its cassette, from 1.
        var number: Int

        /// `file.yaml#N`, for the journal.
        var source: String { "\(cassette)#\(number)" }
    }

    /// What the cassettes say about a request.
    enum Lookup {
        /// An interaction answers.
        case answer(Recorded)
        /// None does; the closest ones, nearest first (at most three).
        case miss([NearMiss])
    }

    /// One interaction with its rule and its prepared answer. The rest of the recorded request
    /// is in its slot's key, which near misses read back: the index keeps no other copy.
    private struct Entry: Sendable {
        var method: String
        var path: String
        /// Index into ``slots``.
        var slot: Int
        /// Index into ``rules``: most cassettes have one or two distinct rules, shared by every entry.
        var rule: Int
        var answer: Recorded
        var line: Int
    }

    /// The interactions recorded for one request (under one rule), in order, and what follows the last.
    private struct Slot: Sendable {
        /// The key of the slot's request (the same storage as the table's).
        var key: MatchKey
        /// The first entry; most requests are recorded once, and then no array is needed.
        var first: Int
        var others: [Int] = []
        var repeatPolicy: Cassette.Repeat

        var count: Int { 1 + others.count }

        /// The entry answering the call at `position` (from 0).
        subscript(position: Int) -> Int { position == 0 ? first : others[position - 1] }
    }

    private let entries: [Entry]
    private let slots: [Slot]
    /// The distinct matching rules, each tried once per lookup.
    private let rules: [CompiledRule]
    /// Every slot, by rule, method, path and the request's key under that rule: one table, one
    /// hash per distinct rule, however many interactions and routes there are.
    private let table: [MatchKey: Int]
    /// Entry indices sorted by path, then method: interactions of one route are contiguous (so
    /// a route is found by binary search), and paths that share a prefix are near each other
    /// (for near misses).
    private let byPath: [Int]
    private let calls: Mutex<[Int]>

    init(cassettes: [Cassette]) {
        var entries: [Entry] = []
        var slots: [Slot] = []
        var rules: [CompiledRule] = []
        var ruleIndex: [CompiledRule: Int] = [:]
        var table: [MatchKey: Int] = [:]
        let count = cassettes.reduce(0) { $0 + $1.interactions.count }
        entries.reserveCapacity(count)
        slots.reserveCapacity(count)
        table.reserveCapacity(count)
        var answers = Self.prepareAnswers(of: cassettes, count: count).makeIterator()
        for cassette in cassettes {
            for interaction in cassette.interactions {
                let request = interaction.request
                let rule = CompiledRule(cassette.match.merged(with: interaction.match).merged(with: Self.redactedFields(of: request)))
                let ruleID =
                    ruleIndex[rule]
                    ?? {
                        rules.append(rule)
                        ruleIndex[rule] = rules.count - 1
                        return rules.count - 1
                    }()
                let entryIndex = entries.count
                let key = rule.key(
                    Self.scope(rule: ruleID, method: request.method, path: request.path),
                    query: request.query.map { (name: $0.key, value: $0.value) },
                    body: request.body
                ).compacted()
                let slot: Int
                if let existing = table[key] {
                    slot = existing
                    slots[slot].others.append(entryIndex)
                } else {
                    slot = slots.count
                    table[key] = slot
                    slots.append(Slot(key: key, first: entryIndex, repeatPolicy: cassette.repeatPolicy))
                }
                entries.append(
                    Entry(
                        method: request.method.detached(),
                        path: request.path.detached(),
                        slot: slot,
                        rule: ruleID,
                        // One answer per interaction, in the same order.
                        answer: answers.next()!,
                        line: interaction.line
                    )
                )
            }
        }
        self.entries = entries
        self.slots = slots
        self.rules = rules
        self.table = table
        self.byPath = entries.indices.sorted {
            (entries[$0].path, entries[$0].method, $0) < (entries[$1].path, entries[$1].method, $1)
        }
        self.calls = Mutex(Array(repeating: 0, count: slots.count))
    }

    /// What a table key starts with: the rule, the method and the path.
    private static func scope(rule: Int, method: String, path: String) -> String {
        var text = String(rule)
        text += "\u{5}"
        text += method
        text += "\u{5}"
        text += path
        text += "\u{5}"
        return text
    }

    /// Whether no cassette is loaded.
    var isEmpty: Bool { entries.isEmpty }

    /// Whether the cassettes hold a route: the gateway accepts it even when it does not know it.
    func holds(method: String, path: String) -> Bool {
        let position = Self.lowerBound(byPath) { (entries[$0].path, entries[$0].method) < (path, method) }
        guard position < byPath.count else { return false }
        let entry = entries[byPath[position]]
        return entry.path == path && entry.method == method
    }

    /// The answer to a request, or its near misses. Each call counts: the n-th matching call gets
    /// the n-th recorded interaction, then the cassette's repeat policy applies.
    func lookup(method: String, path: String, query: [(name: String, value: String)], body: Cassette.Body) -> Lookup {
        var exhausted: Int?
        // The table's keys hold the method and path: a route never recorded finds no slot.
        for (ruleID, rule) in rules.enumerated() {
            guard let slotIndex = table[rule.key(Self.scope(rule: ruleID, method: method, path: path), query: query, body: body)] else { continue }
            let slot = slots[slotIndex]
            let call = calls.withLock { calls in
                defer { calls[slotIndex] += 1 }
                return calls[slotIndex]
            }
            let position: Int? =
                switch slot.repeatPolicy {
                case .last: min(call, slot.count - 1)
                case .cycle: call % slot.count
                case .none: call < slot.count ? call : nil
                }
            if let position { return .answer(entries[slot[position]].answer) }
            exhausted = exhausted ?? slotIndex
        }
        return .miss(nearMisses(method: method, path: path, query: query, body: body, exhausted: exhausted))
    }

    /// Forgets how many times each request was answered.
    func reset() {
        calls.withLock { $0 = Array(repeating: 0, count: slots.count) }
    }

    // MARK: - Near misses

    /// The three closest interactions. Those of the same path are compared field by field; when
    /// there are fewer than three, those of the paths next to it in sorted order that share the longest prefix join them.
    private func nearMisses(method: String, path: String, query: [(name: String, value: String)], body: Cassette.Body, exhausted: Int?) -> [NearMiss]
    {
        var result: [NearMiss] = []
        if let exhausted {
            let slot = slots[exhausted]
            let last = entries[slot[slot.count - 1]]
            result.append(
                near(
                    last,
                    differences: [
                        NearMiss.Difference(
                            field: "call",
                            recorded: "\(slot.count) recorded, repeat: none",
                            received: "call \(slot.count + 1)"
                        )
                    ]
                )
            )
        }
        // Interactions of the same path, then those whose paths share the longest prefix: the
        // neighbours of the path in the sorted order.
        let position = Self.lowerBound(byPath) { entries[$0].path < path }
        var candidates = byPath[position...].prefix { entries[$0].path == path }.map { $0 }
        if candidates.count < 3 {
            let segments = path.split(separator: "/")
            let window = byPath[max(0, position - 8)..<min(byPath.count, position + candidates.count + 8)].filter { !candidates.contains($0) }
            candidates += window.sorted { a, b in
                let left = Self.sharedPrefix(segments, entries[a].path.split(separator: "/"))
                let right = Self.sharedPrefix(segments, entries[b].path.split(separator: "/"))
                return left != right ? left > right : a < b
            }.prefix(3 - candidates.count)
        }
        let scored = candidates.map { index in
            let entry = entries[index]
            return near(
                entry,
                differences: NearMiss.differences(
                    from: slots[entry.slot].key.recordedRequest(),
                    rule: rules[entry.rule],
                    method: method,
                    path: path,
                    query: query,
                    body: body
                )
            )
        }
        result += scored.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }.map(\.element)
            .filter { !$0.differences.isEmpty }
        return Array(result.prefix(3))
    }

    private func near(_ entry: Entry, differences: [NearMiss.Difference]) -> NearMiss {
        NearMiss(
            interaction: entry.answer.source,
            line: entry.line,
            request: "\(entry.method) \(entry.path)",
            differences: differences
        )
    }

    /// The first position in `order` whose entry is not below what is looked for.
    private static func lowerBound(_ order: [Int], isBelow: (Int) -> Bool) -> Int {
        var low = 0
        var high = order.count
        while low < high {
            let middle = (low + high) / 2
            if isBelow(order[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private static func sharedPrefix(_ a: [Substring], _ b: [Substring]) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }

    // MARK: - Preparing

    /// Fields whose recorded value was redacted: any value matches them at replay.
    private static func redactedFields(of request: Cassette.RecordedRequest) -> Cassette.MatchRule {
        Cassette.MatchRule(ignore: Redactor.redactedFields(of: request))
    }

    /// Headers never replayed: the server sets its own length, framing and date.
    private static let hopHeaders: Set<String> = ["content-length", "transfer-encoding", "connection", "keep-alive", "date", "server"]

    /// Every interaction's answer, in order, encoded on every core in parts of consecutive
    /// interactions: encoding the JSON bodies is most of the cost of indexing a large cassette.
    private static func prepareAnswers(of cassettes: [Cassette], count: Int) -> [Recorded] {
        let jobs = cassettes.flatMap { cassette in
            let name = cassette.displayName
            return cassette.interactions.indices.map { (cassette: cassette, name: name, index: $0) }
        }
        let parts = min(ProcessInfo.processInfo.activeProcessorCount, max(1, count / minimumPart))
        guard parts > 1 else { return jobs.map { prepare($0.cassette.interactions[$0.index].response, cassette: $0.name, number: $0.index + 1) } }
        let size = (jobs.count + parts - 1) / parts
        let prepared = Mutex<[[Recorded]]>(Array(repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = min(part * size, jobs.count)..<min((part + 1) * size, jobs.count)
            let answers = jobs[range].map { prepare($0.cassette.interactions[$0.index].response, cassette: $0.name, number: $0.index + 1) }
            prepared.withLock { $0[part] = answers }
        }
        return prepared.withLock { $0.flatMap { $0 } }
    }

    /// The fewest interactions worth a part of their own.
    private static let minimumPart = 2_048

    private static func prepare(_ response: Cassette.RecordedResponse, cassette: String, number: Int) -> Recorded {
        let headers = response.headers.filter { !hopHeaders.contains($0.key) }.sorted { $0.key < $1.key }.map {
            (name: $0.key.detached(), value: $0.value.detached())
        }
        let body: [UInt8]
        var code: Int?
        switch response.body {
        case .none: body = []
        case .text(let raw): body = Array(raw.utf8)
        case .json(let value):
            body = JSONBytes.encode(value)
            code = value["code"]?.number.flatMap { Int(exactly: $0) }
        }
        return Recorded(status: response.status, headers: headers, body: body, code: code, cassette: cassette, number: number)
    }
}
