import Foundation
import ReplayJournal
import Scenarios

/// The audit's and the status operations' events: journaled, and sent as type-5 and type-37
/// webhooks to the shops that registered for them, with type 16 at a creation and type 15
/// when new content of a live product is published. Every audit and status change takes this path.
extension ShopEvents {
    /// Content went to audit: journal it and send type 37 (AUDITING).
    func auditSubmitted(shopID: String, productID: String, details: [String: String], at time: Int64) {
        record(.productAuditSubmitted, productID: productID, details: details.merging(["shop_id": shopID]) { first, _ in first })
        notifyAuditStatus(shopID: shopID, productID: productID, status: .auditing, at: time)
    }

    /// An audit passed: journal it, send type 5 then type 37 (APPROVED). The caller sends the
    /// category change (type 18) after these, when there is one.
    func auditPassed(shopID: String, productID: String, status: Product.Status, firstPass: Bool, at time: Int64) {
        record(.productAuditPassed, productID: productID, details: ["shop_id": shopID, ShopEvent.currentStatusKey: status.rawValue])
        notifyStatus(shopID: shopID, productID: productID, news: firstPass ? .firstPassReview : .statusChanged, reason: "", at: time)
        notifyAuditStatus(shopID: shopID, productID: productID, status: .approved, at: time)
    }

    /// An audit failed: journal it, send type 5 (PRODUCT_AUDIT_FAILURE) then type 37 (FAILED).
    func auditFailed(shopID: String, productID: String, status: Product.Status, attempt: Int, reasons: [String], at time: Int64) {
        record(
            .productAuditFailed,
            productID: productID,
            details: [
                "shop_id": shopID, ShopEvent.currentStatusKey: status.rawValue, "attempt": "\(attempt)",
                "reasons": reasons.joined(separator: "; "),
            ]
        )
        notifyStatus(shopID: shopID, productID: productID, news: .auditFailure, reason: reasons.joined(separator: "; "), at: time)
        notifyAuditStatus(shopID: shopID, productID: productID, status: .failed, at: time)
    }

    /// Activate, Deactivate, Delete or Recover changed a product's status: journal it, send type 5.
    func statusChanged(shopID: String, productID: String, from previous: Product.Status, to current: Product.Status, at time: Int64) {
        record(
            .productStatusChanged,
            productID: productID,
            details: ["shop_id": shopID, "previous_status": previous.rawValue, ShopEvent.currentStatusKey: current.rawValue]
        )
        notifyStatus(shopID: shopID, productID: productID, news: .statusChanged, reason: "", at: time)
    }

    /// A product was created (listed, not saved as a draft): send type 16.
    func productCreated(shopID: String, productID: String, at time: Int64) {
        outbox.notify(.productCreation, shopID: shopID) { id, timestamp in
            .creation(id: id, shopID: shopID, productID: productID, updateTime: time, timestamp: timestamp)
        }
    }

    /// New content of a live product was published (its audit passed): send type 15 with
    /// the fields that changed.
    func informationChanged(shopID: String, productID: String, fields: [String], at time: Int64) {
        outbox.notify(.productInformationChange, shopID: shopID) { id, timestamp in
            .informationChange(id: id, shopID: shopID, productID: productID, changedFields: fields, updateTime: time, timestamp: timestamp)
        }
    }

    private func notifyStatus(shopID: String, productID: String, news: WebhookNotification.ProductStatusNews, reason: String, at time: Int64) {
        outbox.notify(.productStatusChange, shopID: shopID) { id, timestamp in
            .statusChange(id: id, shopID: shopID, productID: productID, news: news, suspendedReason: reason, updateTime: time, timestamp: timestamp)
        }
    }

    private func notifyAuditStatus(shopID: String, productID: String, status: WebhookNotification.AuditNews, at time: Int64) {
        outbox.notify(.productAuditStatusChange, shopID: shopID) { id, timestamp in
            .auditStatusChange(id: id, shopID: shopID, productID: productID, auditStatus: status.rawValue, updateTime: time, timestamp: timestamp)
        }
    }
}
