import Foundation
import ReplayJournal
import Scenarios

extension Clause {
    static func isTrigger(_ entry: JournalEntry) -> Bool {
        entry.operation == APIOperation.createCategoryUpgradeTask.id
    }

    /// The code a trigger is refused with while the shop's task runs.
    static let taskRunningCode = 12052234

    static let upgradeNotHammered = Clause(
        id: "l7.upgrade-not-hammered",
        title: "The Category Upgrade Task is not re-triggered while it runs",
        facts:
            "api-reference.md §3.10: the task is asynchronous and takes up to 2 hours (\"if incomplete, call again\"); §2: a repeat call while it runs is refused with 12052234 (journaled upgrade_task.ignored)",
        hint:
            "Trigger the task once per shop, wait for its duration (webhooks tell you of progress), then search with category_version=v1 and trigger again only for what is left."
    ) { evidence in
        let triggers = evidence.clientRequests.filter(isTrigger)
        guard !triggers.isEmpty else { return .notExercised("the client never triggered the Category Upgrade Task") }
        var used: Set<Int64> = []
        return .judged(
            evidence.events.filter { $0.kind == .upgradeTaskIgnored }.map { event in
                // The refused call itself: the shop's last trigger answered "a task is running"
                // before the event was journaled, not another shop's trigger of the same second.
                let shop = event.details["shop_id"]
                let candidates = triggers.filter { entry in
                    !used.contains(entry.id) && entry.wallTime <= event.wallTime
                        && (entry.shopCipher == nil || evidence.facts.shop(cipher: entry.shopCipher)?.id == shop)
                }
                let entry = candidates.last { $0.responseCode == taskRunningCode } ?? candidates.last
                if let entry { used.insert(entry.id) }
                return ContractViolation(
                    message:
                        "triggered the Category Upgrade Task for shop \(event.details["shop_id"] ?? "?") while the previous task runs until \(event.details["running_until"] ?? "?")",
                    expected:
                        "no new trigger before the running task's duration (\(HumanDuration(seconds: evidence.facts.upgradeDurationSeconds))) is over",
                    entries: entry.map { [$0.id] } ?? [],
                    request: entry.map(ContractEvidence.line)
                )
            }
        )
    }

    static let upgradeRetriggeredForSkipped = Clause(
        id: "l7.upgrade-retriggered-for-skipped",
        title: "Products skipped by the 24-hour rule get a new task once they are old enough",
        facts:
            "api-reference.md §3.10: the task needs a product live for at least 24 h; a younger one is skipped silently, so the client must call again later",
        hint: "After a task, search with category_version=v1; for products live under 24 hours, trigger the task again once they are 24 hours old."
    ) { evidence in
        let skips = evidence.events.filter { $0.kind == .productUpgradeSkipped && $0.details["reason"] == UpgradeSkipReason.tooNew.rawValue }
        guard !skips.isEmpty else { return .notExercised("no product was skipped as too new") }
        var violations: [ContractViolation] = []
        var anyDue = false
        for productID in Set(skips.compactMap(\.productID)).sorted() {
            let mine = skips.filter { $0.productID == productID }
            guard let last = mine.last, let eligible = mine.compactMap({ $0.details["eligible_at"].flatMap { Int64($0) } }).max() else { continue }
            guard eligible <= evidence.endTime else { continue }
            anyDue = true
            let shop = last.details["shop_id"]
            let moved = evidence.events.contains { $0.kind == .productCategoryChanged && $0.productID == productID && $0.wallTime > last.wallTime }
            let retriggered = evidence.events.contains {
                $0.kind == .upgradeTaskStarted && $0.details["shop_id"] == shop && $0.scenarioTime >= eligible
            }
            if moved || retriggered { continue }
            violations.append(
                ContractViolation(
                    message:
                        "product \(productID) was skipped as too new; it was old enough at \(ScenarioInstant.format(Date(timeIntervalSince1970: TimeInterval(eligible)))), but no task was triggered for its shop after that",
                    expected: "a new Category Upgrade Task for shop \(shop ?? "?") once the product is 24 hours old"
                )
            )
        }
        guard anyDue else { return .notExercised("the run ended before any skipped product was old enough") }
        return .judged(violations)
    }

    static let failedUpgradesHandled = Clause(
        id: "l7.failed-upgrades-handled",
        title: "Products the task failed to upgrade are found (search with v1) and handled",
        facts: "api-reference.md §3.8: search with category_version \"v1\" to find products not yet upgraded; §3.10: if incomplete, call again",
        hint:
            "After the task's duration, Search Products with category_version=v1 on the shop; trigger the task again for what is left, and edit a product that keeps failing to its 7-level leaf (category_version=v2)."
    ) { evidence in
        let failures = evidence.events.filter { $0.kind == .productUpgradeFailed }
        guard !failures.isEmpty else { return .notExercised("the upgrade task failed for no product") }
        var violations: [ContractViolation] = []
        for productID in Set(failures.compactMap(\.productID)).sorted() {
            let mine = failures.filter { $0.productID == productID }
            guard let first = mine.first, let last = mine.last else { continue }
            let shop = last.details["shop_id"]
            let cipher = evidence.facts.shops.first { $0.id == shop }?.cipher
            let searched = evidence.requests(after: first.wallTime).contains { entry in
                entry.shopCipher == cipher && searches(entry, tree: "v1", in: evidence)
            }
            if !searched {
                violations.append(
                    ContractViolation(
                        message:
                            "the upgrade of product \(productID) failed, and the client never searched shop \(shop ?? "?") with category_version=v1 afterwards",
                        expected: "Search Products with category_version=v1 after the task, to find products still on the 3-level tree"
                    )
                )
            }
            // An edit to another category on the 7-level tree counts once it is sent: its audit may
            // outlast the run. One to another 3-level leaf (a market before its cut-off takes
            // it) leaves the product on the old tree. Journals that did not record the tree
            // count any move.
            let moved = evidence.events.contains { event in
                event.productID == productID && event.wallTime > last.wallTime
                    && (event.details[ShopEvent.currentCategoryVersionKey] ?? "v2") == "v2"
                    && (event.kind == .productCategoryChanged
                        || (event.kind == .productAuditSubmitted
                            && event.details[ShopEvent.previousCategoryIDKey] != event.details[ShopEvent.currentCategoryIDKey]))
            }
            let retriggered = evidence.events.contains {
                $0.kind == .upgradeTaskStarted && $0.details["shop_id"] == shop && $0.wallTime > last.wallTime
            }
            if !moved && !retriggered {
                violations.append(
                    ContractViolation(
                        message:
                            "the upgrade of product \(productID) failed (attempt \(last.details["attempt"] ?? "?")) and it was left on the 3-level tree",
                        expected: "a new Category Upgrade Task for its shop, or an Edit Product to its 7-level leaf with category_version=v2"
                    )
                )
            }
        }
        return .judged(violations)
    }
}
