import ReplayJournal
import Scenarios

extension NearMiss {
    static let maximumDifferences = 10

    /// How far a request is from a recorded one: a different path or method outweighs any field.
    var distance: Int {
        differences.reduce(0) { $0 + ($1.field == "path" ? 100 : $1.field == "method" ? 10 : 1) }
    }

    /// The fields in which a request differs from a recorded one, under the interaction's rule.
    static func differences(
        from recorded: Cassette.RecordedRequest,
        rule: CompiledRule,
        method: String,
        path: String,
        query: [(name: String, value: String)],
        body: Cassette.Body
    ) -> [Difference] {
        var differences: [Difference] = []
        if recorded.path != path { differences.append(Difference(field: "path", recorded: recorded.path, received: path)) }
        if recorded.method != method { differences.append(Difference(field: "method", recorded: recorded.method, received: method)) }
        let expected = Dictionary(
            rule.query(recorded.query.map { (name: $0.key, value: $0.value) }).map { ($0.name, $0.value) },
            uniquingKeysWith: { $1 }
        )
        let actual = Dictionary(rule.query(query).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
        for name in Set(expected.keys).union(actual.keys).sorted() where expected[name] != actual[name] {
            differences.append(Difference(field: "query.\(name)", recorded: expected[name], received: actual[name]))
        }
        compare(rule.body(recorded.body), rule.body(body), sortingArrays: rule.ignoreArrayOrder, into: &differences)
        return Array(differences.prefix(maximumDifferences))
    }

    private static func compare(_ recorded: Cassette.Body, _ received: Cassette.Body, sortingArrays: Bool, into differences: inout [Difference]) {
        switch (recorded, received) {
        case (.json(let left), .json(let right)):
            compare(left, right, at: "body", sortingArrays: sortingArrays, into: &differences)
        case (.none, .none):
            break
        default:
            if recorded != received { differences.append(Difference(field: "body", recorded: summary(recorded), received: summary(received))) }
        }
    }

    private static func compare(_ left: JSONValue?, _ right: JSONValue?, at field: String, sortingArrays: Bool, into differences: inout [Difference])
    {
        guard differences.count < maximumDifferences else { return }
        switch (left, right) {
        case (.object(let a)?, .object(let b)?):
            for name in Set(a.keys).union(b.keys).sorted() {
                compare(a[name], b[name], at: "\(field).\(name)", sortingArrays: sortingArrays, into: &differences)
            }
        case (.array(let a)?, .array(let b)?) where !sortingArrays:
            for index in 0..<max(a.count, b.count) {
                compare(
                    a.indices.contains(index) ? a[index] : nil,
                    b.indices.contains(index) ? b[index] : nil,
                    at: "\(field).\(index)",
                    sortingArrays: false,
                    into: &differences
                )
            }
        default:
            let a = left.map { CanonicalJSON.text($0, sortingArrays: sortingArrays) }
            let b = right.map { CanonicalJSON.text($0, sortingArrays: sortingArrays) }
            if a != b { differences.append(Difference(field: field, recorded: a.map(shortened), received: b.map(shortened))) }
        }
    }

    private static func summary(_ body: Cassette.Body) -> String? {
        switch body {
        case .none: nil
        case .json(let value): shortened(CanonicalJSON.text(value))
        case .text(let raw): shortened(raw)
        }
    }

    private static func shortened(_ text: String) -> String {
        text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
