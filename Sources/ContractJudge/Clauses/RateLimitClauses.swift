import Foundation
import ReplayJournal
import Scenarios

extension Clause {
    static let retryAfterHonoured = Clause(
        id: "l7.retry-after-honoured",
        title: "After a 429, no call before Retry-After has passed",
        facts: "api-reference.md §2: 36009002 with HTTP 429 and Retry-After when the rate limit is hit",
        hint: "On HTTP 429, wait the Retry-After seconds before the next call (all calls, not only the one refused)."
    ) { evidence in
        let limited = evidence.clientRequests.filter { $0.responseStatus == 429 }
        guard !limited.isEmpty else { return .notExercised("no call was answered 429") }
        return .judged(
            limited.compactMap { entry in
                guard let seconds = entry.responseHeaders["retry-after"].flatMap(RetryAfter.seconds) else { return nil }
                // Honoured when either clock moved far enough: wall time for real clients, scenario time for tests that advance it.
                guard
                    let early = evidence.requests(after: entry.wallTime).first(where: { next in
                        next.id != entry.id && !next.method.isEmpty && next.wallTime - entry.wallTime < seconds
                            && next.exactScenarioTime - entry.exactScenarioTime < seconds
                    })
                else { return nil }
                return ContractViolation(
                    message: String(
                        format: "called %@ %.2f s after a 429 that said Retry-After: %.0f",
                        ContractEvidence.line(early),
                        early.wallTime - entry.wallTime,
                        seconds
                    ),
                    expected: String(format: "no call for %.0f s after the 429 (journal entry %lld)", seconds, entry.id),
                    entries: [entry.id, early.id],
                    request: ContractEvidence.line(early)
                )
            }
        )
    }
}
