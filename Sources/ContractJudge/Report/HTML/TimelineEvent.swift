import ReplayJournal
import Scenarios

/// A shop event as the timeline draws it: in the upgrade task's, the products' or the audit's lane.
struct TimelineEvent: Encodable {
    let time: Int64
    let wall: Double
    let kind: String
    let lane: String
    let product: String?
    let details: [String: String]

    init(_ event: ShopEvent) {
        time = event.scenarioTime
        wall = event.wallTime
        kind = event.kind.rawValue
        product = event.productID
        details = event.details
        lane = Self.lane(of: event)
    }

    /// Audit steps (`product.audit_*`), the upgrade task's steps, other products' moves, the rest.
    static func lane(of event: ShopEvent) -> String {
        let kind = event.kind.rawValue
        if kind.hasPrefix("product.audit") { return "audit" }
        if kind.hasPrefix("upgrade_task.") { return "upgrade task" }
        return event.productID == nil ? "shop" : "products"
    }

    enum CodingKeys: String, CodingKey {
        case time = "t"
        case wall = "w"
        case kind, lane, product, details
    }
}
