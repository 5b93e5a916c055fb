/// An event type of the Event API (`GET/PUT/DELETE /event/202309/webhooks`), by the name
/// registrations use and the number webhook payloads carry (reference section 4).
public struct WebhookType: Sendable, Hashable, CustomStringConvertible {
    /// The name a registration uses, such as `PRODUCT_CATEGORY_CHANGE`.
    public let name: String
    /// The `type` number a payload of this event carries, where the reference gives it.
    public let number: Int?

    init(_ name: String, number: Int? = nil) {
        self.name = name
        self.number = number
    }

    public var description: String { name }

    /// The type with a registration name, if the Event API documents one.
    public static func named(_ name: String) -> WebhookType? {
        all.first { $0.name == name }
    }

    /// Type 18: a product moved to another category (the upgrade task or an edit).
    public static let productCategoryChange = WebhookType("PRODUCT_CATEGORY_CHANGE", number: categoryChangeNumber)
    /// The `type` number of a PRODUCT_CATEGORY_CHANGE payload.
    public static let categoryChangeNumber = 18

    /// Type 5: a product's status changed, or its audit ended (`data.status` says which).
    public static let productStatusChange = WebhookType("PRODUCT_STATUS_CHANGE", number: statusChangeNumber)
    /// The `type` number of a PRODUCT_STATUS_CHANGE payload.
    public static let statusChangeNumber = 5

    /// Type 37: a product's audit status changed (`data.audit.status`).
    public static let productAuditStatusChange = WebhookType("PRODUCT_AUDIT_STATUS_CHANGE", number: auditStatusChangeNumber)
    /// The `type` number of a PRODUCT_AUDIT_STATUS_CHANGE payload.
    public static let auditStatusChangeNumber = 37

    /// Type 16: a product was created.
    public static let productCreation = WebhookType("PRODUCT_CREATION", number: creationNumber)
    /// The `type` number of a PRODUCT_CREATION payload.
    public static let creationNumber = 16

    /// Type 15: a live product's information changed (`data.changed_fields`).
    public static let productInformationChange = WebhookType("PRODUCT_INFORMATION_CHANGE", number: informationChangeNumber)
    /// The `type` number of a PRODUCT_INFORMATION_CHANGE payload.
    public static let informationChangeNumber = 15

    /// Every event type the Event API documents.
    public static let all: [WebhookType] = [
        WebhookType("ORDER_STATUS_CHANGE", number: 1), WebhookType("RECIPIENT_ADDRESS_UPDATE"), WebhookType("PACKAGE_UPDATE"),
        productStatusChange, WebhookType("SELLER_DEAUTHORIZATION"), WebhookType("UPCOMING_AUTHORIZATION_EXPIRATION"),
        WebhookType("CANCELLATION_STATUS_CHANGE"), WebhookType("RETURN_STATUS_CHANGE"), WebhookType("NEW_CONVERSATION"),
        WebhookType("NEW_MESSAGE"), productInformationChange, productCreation,
        productCategoryChange, productAuditStatusChange, WebhookType("INVOICE_STATUS_CHANGE"),
    ]
}
