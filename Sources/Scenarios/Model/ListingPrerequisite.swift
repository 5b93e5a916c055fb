/// A check of Check Listing Prerequisites that a shop fails, as a scenario scripts it
/// (`shops[].failing_prerequisites`): the item and the reasons the API gives.
public struct ListingPrerequisite: Sendable, Hashable {
    /// The requirements Check Listing Prerequisites reports on (`check_item`), in the API's
    /// order and spelling (`BANk_ACCOUNT` included).
    public enum CheckItem: String, Sendable, Hashable, CaseIterable {
        /// The shop is active.
        case shopStatus = "SHOP_STATUS"
        /// Tax information is filled in.
        case shopTax = "SHOP_TAX"
        /// A pickup warehouse is set.
        case pickupWarehouse = "PICKUP_WAREHOUSE"
        /// A return warehouse is set.
        case returnWarehouse = "RETURN_WAREHOUSE"
        /// A delivery option is set.
        case deliveryOption = "DELIVERY_OPTION"
        /// A shipping template is set.
        case shippingTemplate = "SHIPPING_TEMPLATE"
        /// The shop is under its product quantity limit.
        case productQuantityLimit = "PRODUCT_QUANTITY_LIMIT"
        /// Extended producer responsibility registrations (EU) are filled in.
        case extendedProducerResponsibility = "EXTENDED_PRODUCER_RESPONSIBILITY"
        /// A bank account is bound (the API spells it `BANk_ACCOUNT`).
        case bankAccount = "BANk_ACCOUNT"
        /// Contact information is filled in.
        case contactInfo = "CONTACT_INFO"
    }

    /// The item that fails.
    public var item: CheckItem
    /// The reasons the answer gives (`fail_reasons`).
    public var reasons: [String]

    /// Creates a failing prerequisite.
    public init(item: CheckItem, reasons: [String]) {
        self.item = item
        self.reasons = reasons
    }
}

extension ListingPrerequisite: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case item = "check_item"
        case reasons
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.item = try container.required(ClosedSet<CheckItem>.self, forKey: .item)?.value ?? .shopStatus
        let reasons = try container.list(of: String.self, forKey: .reasons)?.compactMap { $0 } ?? []
        self.reasons = reasons.isEmpty ? ["The \(item.rawValue) requirement is not met."] : reasons
    }
}
