import Foundation
import ReplayJournal
import Scenarios

/// Judges a `calls:` rule: counts the client's calls of the operation that match the filters
/// within the window, and compares the count with the one expected.
enum CallCount {
    static func verdict(_ rule: ScenarioExpectation.Calls, in evidence: ContractEvidence) -> Verdict {
        var start: AnchorPoint?
        var end: AnchorPoint?
        if let after = rule.after {
            guard let point = evidence.firstOccurrence(of: after) else { return .notExercised("\(after) never happened in the run") }
            start = point
        }
        if let before = rule.before {
            guard let point = evidence.firstOccurrence(of: before) else { return .notExercised("\(before) never happened in the run") }
            end = point
        }
        let windowStart = start?.scenarioTime ?? evidence.startTime
        let calls = evidence.clientRequests.filter { entry in
            guard entry.operation == rule.operation.id, matches(entry, rule, in: evidence) else { return false }
            if let start, !start.precedes(entry) { return false }
            if let end, !end.follows(entry) { return false }
            if let within = rule.within, (entry.scenarioTime - windowStart) * 1000 > within.milliseconds { return false }
            return true
        }
        guard !rule.allows(calls.count) else { return .judged([]) }
        return .judged([
            ContractViolation(
                message: "\(rule.subject): called \(calls.count == 1 ? "once" : "\(calls.count) times")",
                expected: "\(rule.subject), \(rule.expectedCount)",
                entries: calls.map(\.id),
                request: calls.first.map(ContractEvidence.line)
            )
        ])
    }

    /// Whether a call sends the query parameters, body fields and product the rule names.
    private static func matches(_ entry: JournalEntry, _ rule: ScenarioExpectation.Calls, in evidence: ContractEvidence) -> Bool {
        for (name, value) in rule.query where evidence.query(name, of: entry) != value { return false }
        if !rule.body.isEmpty {
            guard let body = evidence.body(of: entry) else { return false }
            for (name, value) in rule.body where body[name] != value { return false }
        }
        if let productID = rule.productID {
            return rule.operation.pathParameter(APIOperation.productIDParameter, in: entry.path) == productID
        }
        return true
    }
}
