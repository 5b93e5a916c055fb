import Foundation
import ReplayJournal
import Scenarios

extension Clause {
    /// One audit of a product's content, as the journal tells it: when it was submitted and
    /// when it ended (nil while it was still running at the end of the run).
    struct Review {
        var submitted: ShopEvent
        var ended: ShopEvent?
        /// A later submission for the same product replaced this one before it ended.
        var superseded: Bool

        func covers(_ wallTime: Double) -> Bool {
            wallTime > submitted.wallTime && ended.map { wallTime < $0.wallTime } ?? true
        }
    }

    /// A product's audits, in order.
    static func reviews(of productID: String, in evidence: ContractEvidence) -> [Review] {
        let mine = evidence.events.filter { $0.productID == productID }
        return mine.enumerated().compactMap { index, event in
            guard event.kind == .productAuditSubmitted else { return nil }
            let next = mine[(index + 1)...].first { $0.kind == .productAuditSubmitted || ShopEventKind.auditEnds.contains($0.kind) }
            let superseded = next?.kind == .productAuditSubmitted
            return Review(submitted: event, ended: superseded ? nil : next, superseded: superseded)
        }
    }

    /// Whether an edit of a product to another category was under review at a wall-clock
    /// instant, so that the shop still showed the old category: a read then confirms no
    /// category change. An edit that keeps the category (a new description) hides nothing
    /// a confirmation reads.
    static func isUnderCategoryReview(_ productID: String, at wallTime: Double, in evidence: ContractEvidence) -> Bool {
        guard let step = evidence.events.last(where: { $0.productID == productID && $0.wallTime < wallTime && isAuditStep($0.kind) }),
            step.kind == .productAuditSubmitted
        else { return false }
        return step.details[ShopEvent.previousCategoryIDKey] != step.details[ShopEvent.currentCategoryIDKey]
    }

    private static func isAuditStep(_ kind: ShopEventKind) -> Bool {
        kind == .productAuditSubmitted || ShopEventKind.auditEnds.contains(kind)
    }

    static let confirmedAfterAudit = Clause(
        id: "l7.confirmed-after-audit",
        title: "An edit to another category is confirmed after its audit ends, not while it is under review",
        facts:
            "api-reference.md §7 Audit: after Edit or Partial Edit the new content is audited; until the audit passes the live product keeps its old content and category, and a failed audit keeps them",
        hint:
            "After editing a product to its 7-level leaf, wait for the audit to end (a PRODUCT_AUDIT_STATUS_CHANGE or PRODUCT_STATUS_CHANGE webhook, or Get Product until audit.status is no longer AUDITING), then read it back with Get Product or Search Products on v2; a read while the audit runs still shows the old category."
    ) { evidence in
        let edits = evidence.events.filter { event in
            event.kind == .productAuditSubmitted && ["edit", "partial_edit"].contains(event.details["operation"] ?? "")
                && event.details[ShopEvent.previousCategoryIDKey] != event.details[ShopEvent.currentCategoryIDKey]
        }
        var judged = false
        var violations: [ContractViolation] = []
        for productID in Set(edits.compactMap(\.productID)).sorted() {
            for review in reviews(of: productID, in: evidence) where !review.superseded && edits.contains(review.submitted) {
                let reads =
                    (productReads(productID, after: review.submitted.wallTime, in: evidence)
                    + v2Searches(inShop: evidence.facts.products.first { $0.id == productID }?.shopID, after: review.submitted.wallTime, in: evidence))
                    .sorted { $0.wallTime < $1.wallTime }
                let early = reads.filter { review.covers($0.wallTime) }
                guard let ended = review.ended else {
                    // Still under review when the run ended: only a read meanwhile can be judged.
                    if let first = early.first {
                        judged = true
                        violations.append(earlyRead(productID, first, ended: nil))
                    }
                    continue
                }
                judged = true
                if reads.contains(where: { $0.wallTime > ended.wallTime }) { continue }
                if let first = early.first {
                    violations.append(earlyRead(productID, first, ended: ended))
                } else {
                    violations.append(
                        ContractViolation(
                            message:
                                "product \(productID) was edited to category \(review.submitted.details[ShopEvent.currentCategoryIDKey] ?? "?"); its audit \(ended.kind == .productAuditFailed ? "failed" : "ended") at \(ScenarioInstant.format(Date(timeIntervalSince1970: TimeInterval(ended.scenarioTime)))) and the client never read it back",
                            expected: "Get Product \(productID), or Search Products with category_version=v2, after the audit ends"
                        )
                    )
                }
            }
        }
        return judged ? .judged(violations) : .notExercised("no edit to another category was audited")
    }

    private static func earlyRead(_ productID: String, _ read: JournalEntry, ended: ShopEvent?) -> ContractViolation {
        let end =
            ended.map { "ended at \(ScenarioInstant.format(Date(timeIntervalSince1970: TimeInterval($0.scenarioTime))))" }
            ?? "had not ended when the run did"
        return ContractViolation(
            message:
                "product \(productID) was read back while its edit was under review (the audit \(end)), and not after: that read still showed the old category",
            expected: "a read of product \(productID) after its audit ends",
            entries: [read.id],
            request: ContractEvidence.line(read)
        )
    }
}
