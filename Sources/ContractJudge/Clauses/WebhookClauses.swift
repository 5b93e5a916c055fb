import Foundation
import ReplayJournal
import Scenarios

extension Clause {
    /// Genuine category-change deliveries that were sent (not forged, not dropped).
    static func genuine(_ evidence: ContractEvidence) -> [WebhookDeliveryRecord] {
        genuineOfAnyType(evidence).filter { $0.eventType == 18 }
    }

    /// Genuine deliveries of every event type (category, status and audit changes) that were sent.
    static func genuineOfAnyType(_ evidence: ContractEvidence) -> [WebhookDeliveryRecord] {
        evidence.deliveries.filter { !$0.isForged && $0.outcome != .dropped }
    }

    static let webhooksAcknowledged = Clause(
        id: "l7.webhooks-acknowledged",
        title: "Every genuine webhook is acknowledged with 2xx within 3 seconds",
        facts: "api-reference.md §4 Ack and retry: reply HTTP 200 within 3 s, or the platform retries at 2 min, 30 min, 3 h, 12 h",
        hint:
            "Answer the webhook with 200 at once, after checking its signature, and do the slow work (confirmation calls) afterwards or in the background."
    ) { evidence in
        // Every event type the client subscribed to, not only category changes; an attempt
        // cancelled by the server's stop says nothing about the receiver.
        let sent = genuineOfAnyType(evidence).filter { $0.outcome != .cancelled }
        guard !sent.isEmpty else { return .notExercised("no genuine webhook was delivered") }
        return .judged(
            sent.filter { $0.outcome == .failed }.map { delivery in
                let answer = delivery.responseStatus.map { "answered HTTP \($0)" } ?? "did not answer (\(delivery.error ?? "no answer"))"
                let latency = delivery.latencyMicroseconds.map { String(format: " after %.2f s", Double($0) / 1e6) } ?? ""
                return ContractViolation(
                    message:
                        "the receiver \(delivery.target) \(answer)\(latency) to attempt \(delivery.attempt) of notification \(delivery.notificationID)",
                    expected: String(format: "HTTP 2xx within %.0f s", evidence.facts.acknowledgementTimeoutSeconds),
                    notification: delivery.notificationID
                )
            }
        )
    }

    static let forgedWebhooksRejected = Clause(
        id: "l7.forged-webhooks-rejected",
        title: "Webhooks with a wrong signature are rejected",
        facts: "api-reference.md §4 Signature: Authorization = hex HMAC-SHA256(app_secret, app_key + raw body)",
        hint:
            "Compute HMAC-SHA256 keyed with the app secret over app_key + the raw body, compare it in constant time with the Authorization header, and answer 401 (not 2xx) when it differs."
    ) { evidence in
        let forged = evidence.deliveries.filter { $0.isForged && $0.outcome != .dropped }
        guard !forged.isEmpty else { return .notExercised("no forged webhook was delivered") }
        return .judged(
            forged.filter { $0.outcome == .acknowledged }.map { delivery in
                ContractViolation(
                    message:
                        "the receiver \(delivery.target) accepted (HTTP \(delivery.responseStatus ?? 0)) a delivery of notification \(delivery.notificationID) whose signature is forged",
                    expected: "a non-2xx answer to a webhook whose Authorization does not match",
                    notification: delivery.notificationID
                )
            }
        )
    }

    /// Get Product calls for a product after a wall-clock instant that read it: answered with
    /// code 0 (a call refused, or made with another shop's cipher, did not read it).
    static func productReads(_ productID: String, after wallTime: Double, in evidence: ContractEvidence) -> [JournalEntry] {
        evidence.requests(after: wallTime).filter {
            $0.operation == APIOperation.getProduct.id && $0.path.hasSuffix("/\(productID)") && $0.responseCode == 0
        }
    }

    /// Search Products calls on the 7-level tree (category_version=v2) in a shop, after a
    /// wall-clock instant, answered with code 0. A call names the shop by its cipher; one
    /// without a cipher (answered all the same where the gateway lets it) counts for any shop.
    static func v2Searches(inShop shopID: String?, after wallTime: Double, in evidence: ContractEvidence) -> [JournalEntry] {
        let cipher = shopID.flatMap { id in evidence.facts.shops.first { $0.id == id }?.cipher }
        return evidence.requests(after: wallTime).filter { entry in
            entry.responseCode == 0 && (cipher == nil || entry.shopCipher == nil || entry.shopCipher == cipher)
                && searches(entry, tree: "v2", in: evidence)
        }
    }

    static let duplicatesHandledOnce = Clause(
        id: "l7.duplicates-handled-once",
        title: "A notification delivered twice is handled once (deduplicated by tts_notification_id)",
        facts: "api-reference.md §4 Delivery: at-least-once; tts_notification_id is the dedupe key",
        hint: "Remember the tts_notification_id of every notification handled and acknowledge a repeat without acting on it again."
    ) { evidence in
        let duplicated = Set(genuine(evidence).filter(\.isDuplicate).map(\.notificationID))
        guard !duplicated.isEmpty else { return .notExercised("no notification was delivered twice") }
        let sent = genuine(evidence)
        // The client acts between moves of the scenario clock: its reads at one clock position
        // answer what was delivered since the move before the one that brought the clock there.
        // Moves are journaled in order, their target times never falling within a run: the last
        // move to a time before a position is found by bisection, not by a pass over every move
        // per read (a journal continued over runs, whose clocks restart, is passed over).
        let moves = evidence.clockMoves
        let inOrder = zip(moves, moves.dropFirst()).allSatisfy { $0.toTime <= $1.toTime }
        func endOfLastMove(before time: Int64) -> Double {
            guard inOrder else { return moves.filter { $0.toTime < time }.map(\.wallTime).max() ?? -Double.infinity }
            var (low, high) = (0, moves.count)
            while low < high {
                let middle = (low + high) / 2
                if moves[middle].toTime < time { low = middle + 1 } else { high = middle }
            }
            return low == 0 ? -Double.infinity : moves[low - 1].wallTime
        }
        /// The violations of one set of confirmations (a product's Get Product calls, or a
        /// shop's v2 searches) against the notifications they confirm.
        func judge(_ reads: [JournalEntry], answering notifications: [WebhookDeliveryRecord], what: String) -> [ContractViolation] {
            var violations: [ContractViolation] = []
            var readBefore = 0
            for (position, group) in Dictionary(grouping: reads, by: \.exactScenarioTime).sorted(by: { $0.key < $1.key }) {
                defer { readBefore += group.count }
                let lastRead = group.map(\.wallTime).max() ?? 0
                let windowStart = endOfLastMove(before: Int64(position.rounded(.down)))
                let delivered = notifications.filter { $0.wallTime <= lastRead }
                let window = delivered.filter { $0.wallTime > windowStart }
                // Only a window a repeat was delivered in is judged; the reads it allows are the
                // notifications delivered so far that earlier reads have not answered.
                guard window.contains(where: \.isDuplicate) else { continue }
                let allowed = max(0, Set(delivered.map(\.notificationID)).count - readBefore)
                guard group.count > allowed else { continue }
                let repeated = window.first { $0.isDuplicate }
                violations.append(
                    ContractViolation(
                        message:
                            "\(what) \(group.count) \(group.count == 1 ? "time" : "times") after notification \(repeated?.notificationID ?? "?") was delivered again, with \(allowed) \(allowed == 1 ? "notification" : "notifications") left to confirm",
                        expected: "one confirmation per distinct tts_notification_id",
                        entries: group.map(\.id),
                        request: group.first.map(ContractEvidence.line),
                        notification: repeated?.notificationID
                    )
                )
            }
            return violations
        }
        var violations: [ContractViolation] = []
        let repeatedOnes = sent.filter { duplicated.contains($0.notificationID) }
        for productID in Set(repeatedOnes.compactMap { evidence.productID(of: $0) }).sorted() {
            let mine = sent.filter { evidence.productID(of: $0) == productID }.sorted { $0.wallTime < $1.wallTime }
            guard let first = mine.first?.wallTime else { continue }
            violations += judge(productReads(productID, after: first, in: evidence), answering: mine, what: "product \(productID) was read back")
        }
        // A v2 search confirms every product of its shop: a shop's searches answer its notifications.
        for shopID in Set(repeatedOnes.map(\.shopID)).sorted() {
            let shops = sent.filter { $0.shopID == shopID }.sorted { $0.wallTime < $1.wallTime }
            guard let first = shops.first?.wallTime else { continue }
            violations += judge(v2Searches(inShop: shopID, after: first, in: evidence), answering: shops, what: "shop \(shopID) was searched on v2")
        }
        return .judged(violations)
    }

    static let confirmedAfterWebhook = Clause(
        id: "l7.confirmed-after-webhook",
        title: "Each category-change webhook is confirmed with Get Product or Search Products on v2",
        facts:
            "api-reference.md §4 type 18: after it arrives, clients confirm through Search Products or Get Product; the payload has no version field",
        hint:
            "After acknowledging a PRODUCT_CATEGORY_CHANGE, read the product back: Get Product of data.product_id, or Search Products with category_version=v2."
    ) { evidence in
        let acknowledged = genuine(evidence).filter { $0.outcome == .acknowledged && !$0.isDuplicate }
        guard !acknowledged.isEmpty else { return .notExercised("no genuine webhook was acknowledged") }
        var seen: Set<String> = []
        var violations: [ContractViolation] = []
        for delivery in acknowledged where seen.insert(delivery.notificationID).inserted {
            guard let productID = evidence.productID(of: delivery) else { continue }
            // A read while an edit to another category is under review shows the old category.
            let reads =
                productReads(productID, after: delivery.wallTime, in: evidence)
                + v2Searches(inShop: delivery.shopID, after: delivery.wallTime, in: evidence)
            let confirmed = reads.contains { !isUnderCategoryReview(productID, at: $0.wallTime, in: evidence) }
            if !confirmed {
                let failed = evidence.requests(after: delivery.wallTime).first {
                    $0.operation == APIOperation.getProduct.id && $0.path.hasSuffix("/\(productID)") && $0.responseCode != 0
                }
                let what =
                    if !reads.isEmpty {
                        "read it back only while an edit to another category was under review"
                    } else if let failed {
                        "read it back only with calls that failed (entry \(failed.id) answered \(failed.responseCode.map(String.init) ?? "no code"), with shop_cipher \(failed.shopCipher ?? "none"))"
                    } else {
                        "never read it back"
                    }
                violations.append(
                    ContractViolation(
                        message: "notification \(delivery.notificationID) said product \(productID) changed category; the client \(what)",
                        expected: "Get Product \(productID), or Search Products with category_version=v2, after the webhook",
                        notification: delivery.notificationID
                    )
                )
            }
        }
        return .judged(violations)
    }
}
