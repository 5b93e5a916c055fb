import Foundation

/// Compares, exchange by exchange, what production and the simulator answered the same request:
/// the outcome (HTTP status and code), the message of a shared error code, and the headers a
/// client may depend on. Equal differences are grouped, with their count and examples.
package enum ExchangeComparison {
    /// The headers compared: a client parses by the content type and backs off by `Retry-After`.
    package static let comparedHeaders = ["content-type", "retry-after"]

    package static func findings(_ pairs: [ExchangePair]) -> [DriftFinding] {
        var groups: [DriftFinding] = []
        var index: [DriftFinding: Int] = [:]
        func add(_ finding: DriftFinding, source: String) {
            var key = finding
            key.examples = []
            if let at = index[key] {
                groups[at].count += 1
                if groups[at].examples.count < DriftFinding.exampleLimit { groups[at].examples.append(source) }
            } else {
                index[key] = groups.count
                var first = finding
                first.examples = [source]
                groups.append(first)
            }
        }
        for pair in pairs {
            let there = pair.production
            let here = pair.simulator
            if here.status == 501, here.code == notSimulatedCode, there.code != notSimulatedCode {
                add(
                    DriftFinding(
                        kind: .notSimulated,
                        subject: "operation",
                        production: there.outcome,
                        simulator: "not simulated (HTTP 501, 36009003)"
                    ),
                    source: pair.source
                )
                continue
            }
            if there.status != here.status || there.code != here.code {
                add(DriftFinding(kind: .errorCode, subject: "code", production: describe(there), simulator: describe(here)), source: pair.source)
            } else if let code = there.code, code != 0, let message = there.message, let ours = here.message, message != ours {
                add(DriftFinding(kind: .message, subject: "message of \(code)", production: message, simulator: ours), source: pair.source)
            }
            for name in comparedHeaders {
                let value = there.headers[name].map(normalized)
                let ours = here.headers[name].map(normalized)
                guard value != ours else { continue }
                // Retry-After's value is the server's choice; only whether it comes matters.
                if name == "retry-after", value != nil, ours != nil { continue }
                add(DriftFinding(kind: .header, subject: name, production: value ?? "absent", simulator: ours ?? "absent"), source: pair.source)
            }
        }
        return groups
    }

    /// Error 36009003 answered with HTTP 501: the simulator has no answer for a real operation.
    static let notSimulatedCode = 36_009_003

    private static func describe(_ answer: RecordedAnswer) -> String {
        guard let message = answer.message, answer.code != 0 else { return answer.outcome }
        return answer.outcome + " (\(message))"
    }

    private static func normalized(_ header: String) -> String {
        header.lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
    }
}
