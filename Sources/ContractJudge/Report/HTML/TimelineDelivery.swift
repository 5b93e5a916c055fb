import ReplayJournal

/// A webhook attempt as the timeline draws it.
struct TimelineDelivery: Encodable {
    /// How an attempt looks on the timeline.
    enum Outcome: String, Encodable {
        /// Acknowledged in time.
        case delivered
        /// Not acknowledged, and tried again later.
        case retried
        /// Not acknowledged, and not tried again.
        case failed
        /// The scenario dropped it: nothing was sent.
        case dropped
        /// The server stopped while it was in flight.
        case cancelled
    }

    let notification: String
    let type: Int
    let attempt: Int
    let time: Int64
    let wall: Double
    let outcome: Outcome
    let duplicate: Bool
    let forged: Bool
    let status: Int?
    let ackMilliseconds: Double?
    let error: String?
    let target: String
    let payload: Int?

    init(_ record: WebhookDeliveryRecord, retried: Bool, bodies: inout BodyTable) {
        notification = record.notificationID
        type = record.eventType
        attempt = record.attempt
        time = record.scenarioTime
        wall = record.wallTime
        outcome =
            switch record.outcome {
            case .acknowledged: .delivered
            case .failed: retried ? .retried : .failed
            case .dropped: .dropped
            case .cancelled: .cancelled
            }
        duplicate = record.isDuplicate
        forged = record.isForged
        status = record.responseStatus
        ackMilliseconds = record.latencyMicroseconds.map { Double($0) / 1000 }
        error = record.error
        target = record.target
        payload = bodies.index(of: record.payload)
    }

    enum CodingKeys: String, CodingKey {
        case notification = "n"
        case type, attempt
        case time = "t"
        case wall = "w"
        case outcome = "o"
        case duplicate = "dup"
        case forged
        case status = "s"
        case ackMilliseconds = "ack"
        case error, target, payload
    }
}
