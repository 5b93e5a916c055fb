import Foundation
import ReplayJournal
import Scenarios
import Synchronization

/// The product audit: Create, Edit, Partial Edit and Activate send a product's content to
/// review; after the scenario's audit duration, on the virtual clock, the review passes or
/// fails (reference section 7, Audit).
///
/// While content is under review, the store's product is what the shop shows: a live product
/// keeps its old content and category (audit status `AUDITING`); a product with nothing live
/// (new, draft, failed, or being activated) shows the new content as `PENDING`. The content
/// under review is kept here, for Get Product's `return_under_review_version=true`.
///
/// A pass publishes the content (type 5, type 37 APPROVED, then type 18 when the category
/// changed); a failure keeps the old content and sets `audit_failed_reasons` (type 5
/// PRODUCT_AUDIT_FAILURE, type 37 FAILED). A new submission while one is under review
/// replaces it and restarts the audit. Completions are scheduled on the scenario clock, the
/// way the upgrade task schedules its moves: a clock advance makes due audits complete.
final class ProductAudits: Sendable {
    /// What sent the content to audit.
    enum Submission: String, Sendable {
        case create, edit
        case partialEdit = "partial_edit"
        case activate
    }

    private struct Review {
        var candidate: ProductState
        /// Whether the shop keeps showing the product's old content (and status) meanwhile.
        var keepsOldContent: Bool
        /// The product's category when the content was sent.
        var categoryAtSubmission: String
        var generation: Int
    }

    private struct State {
        var reviews: [String: Review] = [:]
        var generation = 0
        /// Per product: how many audits have ended for it.
        var audits: [String: Int] = [:]
    }

    private let behaviour: AuditBehaviour
    private let clock: VirtualClock
    private let store: ProductStore
    private let events: ShopEvents
    private let state = Mutex(State())

    init(scenario: Scenario, clock: VirtualClock, store: ProductStore, events: ShopEvents) {
        self.behaviour = scenario.audit
        self.clock = clock
        self.store = store
        self.events = events
    }

    /// The content under review for a product, if any.
    func underReview(_ productID: String) -> ProductState? {
        state.withLock { $0.reviews[productID]?.candidate }
    }

    /// Sends a product's new content to audit.
    ///
    /// - Parameter makeCandidate: The content to review, from the product it builds on (the
    ///   content already under review, else the shop's) and a source of new SKU ids.
    /// - Returns: The product as the shop shows it now, or nil when it does not exist.
    @discardableResult
    func submit(
        _ productID: String,
        shop: Shop,
        by submission: Submission,
        makeCandidate: (ProductState, _ nextSKUID: () -> String) -> ProductState
    ) -> ProductState? {
        let working = underReview(productID)
        var submitted: (candidate: ProductState, keepsOldContent: Bool, previousCategory: String)?
        let shown = store.update(productID) { product, nextSKUID in
            var candidate = withoutActuallyEscaping(nextSKUID) { makeCandidate(working ?? product, $0) }
            let isDeactivated = product.status == .sellerDeactivated || product.status == .platformDeactivated
            let keepsOldContent = submission != .activate && (product.status == .activate || isDeactivated)
            candidate.status = keepsOldContent ? product.status : .activate
            submitted = (candidate, keepsOldContent, product.categoryID)
            if keepsOldContent {
                product.auditStatus = "AUDITING"
            } else {
                var pending = candidate
                pending.status = .pending
                pending.auditStatus = "AUDITING"
                pending.auditFailedReasons = product.auditFailedReasons
                product = pending
            }
        }
        guard let shown, let submitted else { return nil }
        let due = clock.now.addingTimeInterval(TimeInterval(behaviour.duration.milliseconds) / 1000)
        let generation = state.withLock { state -> Int in
            state.generation += 1
            state.reviews[productID] = Review(
                candidate: submitted.candidate,
                keepsOldContent: submitted.keepsOldContent,
                categoryAtSubmission: submitted.previousCategory,
                generation: state.generation
            )
            return state.generation
        }
        if submission == .create { events.productCreated(shopID: shop.id, productID: productID, at: clock.unixSeconds) }
        events.auditSubmitted(
            shopID: shop.id,
            productID: productID,
            details: [
                "operation": submission.rawValue, "due": ScenarioInstant.format(due),
                ShopEvent.previousCategoryIDKey: submitted.previousCategory,
                ShopEvent.currentCategoryIDKey: submitted.candidate.categoryID,
                ShopEvent.currentCategoryVersionKey: submitted.candidate.categoryVersion.rawValue,
            ],
            at: clock.unixSeconds
        )
        if behaviour.duration.milliseconds == 0 {
            complete(productID, shop: shop, generation: generation)
            return store.product(productID)
        }
        clock.schedule(at: due) { self.complete(productID, shop: shop, generation: generation) }
        return shown
    }

    /// Changes the content under review the way an immediate change (price, inventory) changed
    /// the shop's product, so that a later pass does not undo it.
    func amendUnderReview(_ productID: String, _ change: (inout ProductState) -> Void) {
        state.withLock { state in
            guard var review = state.reviews[productID] else { return }
            change(&review.candidate)
            state.reviews[productID] = review
        }
    }

    /// Ends a product's review without a verdict (the product was deleted).
    func cancel(_ productID: String, shop: Shop) {
        let cancelled = state.withLock { $0.reviews.removeValue(forKey: productID) } != nil
        if cancelled { events.record(.productAuditCancelled, productID: productID, details: ["shop_id": shop.id]) }
    }

    /// The verdict on one review, unless a newer submission replaced it.
    private func complete(_ productID: String, shop: Shop, generation: Int) {
        let taken = state.withLock { state -> (review: Review, attempt: Int)? in
            guard let review = state.reviews[productID], review.generation == generation else { return nil }
            state.reviews[productID] = nil
            state.audits[productID, default: 0] += 1
            return (review, state.audits[productID, default: 0])
        }
        guard let (review, attempt) = taken else { return }
        let now = clock.unixSeconds
        if let failure = behaviour.failures.first(where: { $0.productID == productID }), attempt <= (failure.attempts ?? Int.max) {
            let kept = store.update(productID) { product, _ in
                if product.status == .pending { product.status = .failed }
                product.auditStatus = "FAILED"
                product.auditFailedReasons = [AuditFailedReason(failure)]
                product.updateTime = now
            }
            events.auditFailed(
                shopID: shop.id,
                productID: productID,
                status: kept?.status ?? .failed,
                attempt: attempt,
                reasons: failure.reasons,
                at: now
            )
            return
        }
        var previous: ProductState?
        let published = store.update(productID) { product, _ in
            previous = product
            var next = review.candidate
            // Content that left the category alone keeps a move the platform made meanwhile
            // (the upgrade task): publishing it must not move the product back.
            if next.categoryID == review.categoryAtSubmission, product.categoryID != review.categoryAtSubmission {
                next.categoryID = product.categoryID
                next.categoryVersion = product.categoryVersion
            }
            next.status = review.keepsOldContent ? product.status : .activate
            next.auditStatus = "APPROVED"
            next.auditFailedReasons = []
            next.createTime = product.createTime
            next.updateTime = now
            next.liveSince = next.status == .activate && product.status != .activate ? now : product.liveSince
            product = next
        }
        guard let published, let previous else { return }
        events.auditPassed(shopID: shop.id, productID: productID, status: published.status, firstPass: previous.liveSince == nil, at: now)
        let changed = Self.changedFields(from: previous, to: published)
        if previous.liveSince != nil, !changed.isEmpty {
            events.informationChanged(shopID: shop.id, productID: productID, fields: changed, at: now)
        }
        if published.categoryID != previous.categoryID {
            events.categoryChanged(
                shopID: shop.id,
                productID: productID,
                previous: previous.categoryID,
                current: published.categoryID,
                version: published.categoryVersion,
                source: "seller",
                at: now
            )
        }
    }

    func reset() {
        state.withLock { $0 = State() }
    }

    /// The `changed_fields` of a type-15 notification, in the SDK's words: `title`,
    /// `description`, `main_images`, `product_attributes`, `size_chart_image`,
    /// `size_chart_template`, and `others` for anything else a listing holds.
    static func changedFields(from old: ProductState, to new: ProductState) -> [String] {
        var fields: [String] = []
        if old.title != new.title { fields.append("title") }
        if old.description != new.description { fields.append("description") }
        if old.mainImages != new.mainImages { fields.append("main_images") }
        if old.attributes != new.attributes { fields.append("product_attributes") }
        if old.sizeChart?.image != new.sizeChart?.image { fields.append("size_chart_image") }
        if old.sizeChart?.template != new.sizeChart?.template { fields.append("size_chart_template") }
        let others =
            old.categoryID != new.categoryID || old.brandID != new.brandID || old.skus != new.skus || old.certifications != new.certifications
            || old.echoed != new.echoed || old.manufacturerIDs != new.manufacturerIDs || old.responsiblePersonIDs != new.responsiblePersonIDs
        if others { fields.append("others") }
        return fields
    }
}
