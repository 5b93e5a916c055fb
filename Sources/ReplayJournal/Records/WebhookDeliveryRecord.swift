public import Foundation
import GRDB

/// One attempt to deliver a webhook, as the journal keeps it.
public struct WebhookDeliveryRecord: Sendable, Hashable, Codable {
    /// How an attempt ended.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// The receiver answered 2xx, body complete, within the acknowledgement timeout.
        case acknowledged
        /// The receiver answered something else, or nothing complete in time, or could not be reached.
        case failed
        /// The scenario dropped the delivery: nothing was sent.
        case dropped
        /// The server stopped (or the task moving the clock was cancelled) while the attempt was
        /// in flight: not an acknowledgement, not retried.
        case cancelled
    }

    /// `tts_notification_id`, the same for duplicates and retries of one notification.
    public var notificationID: String
    /// The webhook type (18 for PRODUCT_CATEGORY_CHANGE).
    public var eventType: Int
    /// The shop the notification is about.
    public var shopID: String
    /// The receiver's address.
    public var target: String
    /// 1 for the first attempt, 2 for the first retry, ...
    public var attempt: Int
    /// The raw JSON body sent.
    public var payload: Data
    /// The `Authorization` header sent.
    public var signature: String
    /// Whether the scenario forged this delivery (its signature is wrong on purpose).
    public var isForged: Bool
    /// Whether this is a duplicate the scenario asked for (same notification id).
    public var isDuplicate: Bool
    /// When it was sent, scenario clock, Unix seconds.
    public var scenarioTime: Int64
    /// When it was sent, wall clock, Unix seconds with fractions.
    public var wallTime: Double
    /// How long the receiver took to answer, in microseconds of real time (nil when nothing was sent).
    public var latencyMicroseconds: Int64?
    /// The HTTP status the receiver answered, if it answered.
    public var responseStatus: Int?
    /// What went wrong, when something did (timeout, connection refused, ...).
    public var error: String?
    /// How the attempt ended.
    public var outcome: Outcome

    /// Creates a value from its parts.
    package init(
        notificationID: String,
        eventType: Int,
        shopID: String,
        target: String,
        attempt: Int,
        payload: Data,
        signature: String,
        isForged: Bool,
        isDuplicate: Bool,
        scenarioTime: Int64,
        wallTime: Double,
        latencyMicroseconds: Int64? = nil,
        responseStatus: Int? = nil,
        error: String? = nil,
        outcome: Outcome
    ) {
        self.notificationID = notificationID
        self.eventType = eventType
        self.shopID = shopID
        self.target = target
        self.attempt = attempt
        self.payload = payload
        self.signature = signature
        self.isForged = isForged
        self.isDuplicate = isDuplicate
        self.scenarioTime = scenarioTime
        self.wallTime = wallTime
        self.latencyMicroseconds = latencyMicroseconds
        self.responseStatus = responseStatus
        self.error = error
        self.outcome = outcome
    }
}

/// How a `WebhookDeliveryRecord` is stored in the `webhook_delivery` table.
enum WebhookDeliveryTable {
    static func insert(_ record: WebhookDeliveryRecord, into db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO webhook_delivery (notification_id, event_type, shop_id, target, attempt, payload, signature, is_forged,
                    is_duplicate, scenario_time, wall_time, latency_microseconds, response_status, error, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            record.notificationID, record.eventType, record.shopID, record.target, record.attempt, record.payload, record.signature,
            record.isForged, record.isDuplicate, record.scenarioTime, record.wallTime, record.latencyMicroseconds, record.responseStatus,
            record.error, record.outcome.rawValue,
        ])
    }

    static func fetchAll(_ db: Database) throws -> [WebhookDeliveryRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM webhook_delivery ORDER BY id").map { row in
            WebhookDeliveryRecord(
                notificationID: row["notification_id"],
                eventType: row["event_type"],
                shopID: row["shop_id"],
                target: row["target"],
                attempt: row["attempt"],
                payload: row["payload"],
                signature: row["signature"],
                isForged: row["is_forged"],
                isDuplicate: row["is_duplicate"],
                scenarioTime: row["scenario_time"],
                wallTime: row["wall_time"],
                latencyMicroseconds: row["latency_microseconds"],
                responseStatus: row["response_status"],
                error: row["error"],
                outcome: WebhookDeliveryRecord.Outcome(rawValue: row["outcome"]) ?? .failed
            )
        }
    }
}
