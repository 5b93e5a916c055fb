import GRDB
public import Scenarios

/// Something that happened in the simulated shop, as the journal keeps it: an upgrade task
/// starting, a product upgraded, skipped or failed, a webhook registered.
public struct ShopEvent: Sendable, Hashable, Codable {
    /// When it happened, scenario clock, Unix seconds.
    public var scenarioTime: Int64
    /// When it happened, wall clock, Unix seconds with fractions.
    public var wallTime: Double
    /// What happened, such as `upgrade_task.started` or `product.category_changed`.
    public var kind: ShopEventKind
    /// The product concerned, if any.
    public var productID: String?
    /// Details as a flat map (`previous_category_id`, `reason`, ...).
    public var details: [String: String]

    /// Creates a value from its parts.
    package init(
        scenarioTime: Int64,
        wallTime: Double,
        kind: ShopEventKind,
        productID: String? = nil,
        details: [String: String]
    ) {
        self.scenarioTime = scenarioTime
        self.wallTime = wallTime
        self.kind = kind
        self.productID = productID
        self.details = details
    }
}

/// How a `ShopEvent` is stored in the `shop_event` table.
enum ShopEventTable {
    static func insert(_ event: ShopEvent, into db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO shop_event (scenario_time, wall_time, kind, product_id, details) VALUES (?, ?, ?, ?, ?)")
            .execute(arguments: [event.scenarioTime, event.wallTime, event.kind.rawValue, event.productID, JournalJSON.encode(event.details)])
    }

    static func fetchAll(_ db: Database) throws -> [ShopEvent] {
        try Row.fetchAll(db, sql: "SELECT * FROM shop_event ORDER BY id").map { row in
            ShopEvent(
                scenarioTime: row["scenario_time"],
                wallTime: row["wall_time"],
                kind: ShopEventKind(rawValue: row["kind"]),
                productID: row["product_id"],
                details: try JournalJSON.decode(row["details"])
            )
        }
    }
}
