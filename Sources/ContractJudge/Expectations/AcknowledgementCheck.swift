import Foundation
import ReplayJournal
import Scenarios

/// Judges an `acknowledges:` rule: every genuine notification of the type (about the product,
/// when one is named) has an attempt answered 2xx, within the span when one is given.
enum AcknowledgementCheck {
    static func verdict(_ rule: ScenarioExpectation.Acknowledgement, in evidence: ContractEvidence) -> Verdict {
        let attempts = evidence.genuineNotifications(of: rule.type, productID: rule.productID)
        guard !attempts.isEmpty else {
            return .notExercised("no \(rule.type) webhook" + (rule.productID.map { " of product \($0)" } ?? "") + " was sent")
        }
        var order: [String] = []
        var byNotification: [String: [WebhookDeliveryRecord]] = [:]
        for attempt in attempts {
            if byNotification[attempt.notificationID] == nil { order.append(attempt.notificationID) }
            byNotification[attempt.notificationID, default: []].append(attempt)
        }
        return .judged(
            order.compactMap { notification in
                guard let mine = byNotification[notification], let first = mine.first else { return nil }
                let about = evidence.productID(of: first).map { " (product \($0))" } ?? ""
                guard let acknowledged = mine.first(where: { $0.outcome == .acknowledged }) else {
                    let last = mine.last.map { $0.responseStatus.map { "HTTP \($0)" } ?? ($0.error ?? "no answer") } ?? ""
                    return ContractViolation(
                        message:
                            "notification \(notification)\(about) was never acknowledged: \(mine.count) attempt\(mine.count == 1 ? "" : "s"), the last answered \(last)",
                        expected: "HTTP 2xx on some attempt" + (rule.within.map { ", within \($0) of the first" } ?? ""),
                        notification: notification
                    )
                }
                let waited = HumanDuration(seconds: acknowledged.scenarioTime - first.scenarioTime)
                guard let within = rule.within, waited > within else { return nil }
                return ContractViolation(
                    message:
                        "notification \(notification)\(about) was acknowledged only at attempt \(acknowledged.attempt), \(waited) after the first",
                    expected: "HTTP 2xx within \(within) of the first attempt",
                    notification: notification
                )
            }
        )
    }
}
