/// What can happen in the simulated shop, as the journal's `shop_event.kind` names it: the
/// upgrade task's steps, each product's move, its audits and its status changes.
///
/// An open set: a journal written by another version may hold kinds this one does not know,
/// and they still read.
public struct ShopEventKind: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The kind as stored, such as `product.category_changed`.
    public let rawValue: String

    /// A kind by its stored name.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public init(from decoder: any Decoder) throws {
        self.rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// A Create Category Upgrade Task call started a task (`shop_id`).
    public static let upgradeTaskStarted = ShopEventKind(rawValue: "upgrade_task.started")
    /// A task was asked for while one was running, and ignored (`shop_id`, `running_until`).
    public static let upgradeTaskIgnored = ShopEventKind(rawValue: "upgrade_task.ignored")
    /// A task finished (`shop_id`).
    public static let upgradeTaskFinished = ShopEventKind(rawValue: "upgrade_task.finished")
    /// A product moved to another category, by the task or an edit (`previous_category_id`,
    /// `current_category_id`, `current_category_version`, `source`).
    public static let productCategoryChanged = ShopEventKind(rawValue: "product.category_changed")
    /// The task left a product where it was (`reason`: one of ``UpgradeSkipReason``).
    public static let productUpgradeSkipped = ShopEventKind(rawValue: "product.upgrade_skipped")
    /// The task failed to move a product on one attempt (`attempt`, `shop_id`).
    public static let productUpgradeFailed = ShopEventKind(rawValue: "product.upgrade_failed")

    /// Create, Edit, Partial Edit or Activate sent a product's content to audit (`shop_id`,
    /// `operation`, `due`, `previous_category_id`, `current_category_id`): until the audit ends,
    /// the product shows its old content. Sends a type-37 webhook (AUDITING).
    public static let productAuditSubmitted = ShopEventKind(rawValue: "product.audit_submitted")
    /// A product's audit passed and its new content is live (`shop_id`). Sends type 5, then 37
    /// (APPROVED), then 18 when its category changed.
    public static let productAuditPassed = ShopEventKind(rawValue: "product.audit_passed")
    /// A product's audit failed and its old content stays (`shop_id`, `attempt`, `reasons`).
    /// Sends type 5 (PRODUCT_AUDIT_FAILURE), then 37 (FAILED).
    public static let productAuditFailed = ShopEventKind(rawValue: "product.audit_failed")
    /// A product's audit ended without a verdict because the product was deleted (`shop_id`).
    public static let productAuditCancelled = ShopEventKind(rawValue: "product.audit_cancelled")
    /// Activate, Deactivate, Delete or Recover changed a product's status (`shop_id`,
    /// `previous_status`, `current_status`). Sends a type-5 webhook.
    public static let productStatusChanged = ShopEventKind(rawValue: "product.status_changed")

    /// Every kind this version writes.
    public static let all: [ShopEventKind] = [
        upgradeTaskStarted, upgradeTaskIgnored, upgradeTaskFinished, productCategoryChanged, productUpgradeSkipped, productUpgradeFailed,
        productAuditSubmitted, productAuditPassed, productAuditFailed, productAuditCancelled, productStatusChanged,
    ]

    /// The kinds that end an audit.
    public static let auditEnds: Set<ShopEventKind> = [productAuditPassed, productAuditFailed, productAuditCancelled]
}

/// Why the upgrade task left a product in its category (the `reason` of a
/// ``ShopEventKind/productUpgradeSkipped`` event).
public enum UpgradeSkipReason: String, Sendable, Hashable, CaseIterable {
    /// Live for less than the minimum age (24 hours by default) when the task started.
    case tooNew = "too_new"
    /// Edited while the task ran, so the task left it alone.
    case changedSinceTheTaskStarted = "changed_since_the_task_started"
}
