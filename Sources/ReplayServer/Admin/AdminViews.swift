import Foundation
import ReplayJournal
import Scenarios

// The JSON shapes of the admin API's answers.

/// `GET /__admin/health`, read from counters: it never waits for the journal's writer.
struct Health: Encodable {
    /// `ok`, or `degraded` once a journal entry could not be written.
    var status: String
    var scenario: String
    var scenarioTime: Int64
    /// Request entries in the journal or on their way to it.
    var requests: Int
    var journal: String
    var journalQueuedEntries: Int
    var journalQueuedBytes: Int
    var journalWaitingForRoom: Int
    var journalLostEntries: Int
    var journalLastError: String?
    var journalDurability: String

    init(_ state: ServerState) {
        let writer = state.journal.writerStatus
        self.status = writer.lost > 0 ? "degraded" : "ok"
        self.scenario = state.scenario.name
        self.scenarioTime = state.clock.unixSeconds
        self.requests = state.journal.requestCount
        self.journal = state.journal.path
        self.journalQueuedEntries = writer.queuedEntries
        self.journalQueuedBytes = writer.queuedBytes
        self.journalWaitingForRoom = writer.waitingForRoom
        self.journalLostEntries = writer.lost
        self.journalLastError = writer.lastError
        self.journalDurability = state.journal.durability.rawValue
    }

    func encode(to encoder: any Encoder) throws {
        // Written by hand so that `journal_last_error` is null rather than absent when all is well.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(status, forKey: .status)
        try container.encode(scenario, forKey: .scenario)
        try container.encode(scenarioTime, forKey: .scenarioTime)
        try container.encode(requests, forKey: .requests)
        try container.encode(journal, forKey: .journal)
        try container.encode(journalQueuedEntries, forKey: .journalQueuedEntries)
        try container.encode(journalQueuedBytes, forKey: .journalQueuedBytes)
        try container.encode(journalWaitingForRoom, forKey: .journalWaitingForRoom)
        try container.encode(journalLostEntries, forKey: .journalLostEntries)
        try container.encode(journalLastError, forKey: .journalLastError)
        try container.encode(journalDurability, forKey: .journalDurability)
    }

    private enum CodingKeys: String, CodingKey {
        case status, scenario, scenarioTime, requests, journal, journalQueuedEntries, journalQueuedBytes, journalWaitingForRoom
        case journalLostEntries, journalLastError, journalDurability
    }
}

struct ClockView: Encodable {
    var now: String
    var scenarioTime: Int64
    var start: String
    var mode: String
    var rate: Double
    var nextDue: String?
    var movedFrom: String?

    init(_ clock: VirtualClock, movedFrom: Date? = nil) {
        self.now = ScenarioInstant.format(clock.now)
        self.scenarioTime = clock.unixSeconds
        self.start = ScenarioInstant.format(clock.start)
        if case .scaled(let rate) = clock.mode {
            self.mode = "scaled"
            self.rate = rate
        } else {
            self.mode = "manual"
            self.rate = 0
        }
        self.nextDue = clock.nextDue.map(ScenarioInstant.format)
        self.movedFrom = movedFrom.map(ScenarioInstant.format)
    }
}

struct AwaitResult: Encodable {
    var idle: Bool?
    var entry: JournalEntryView?
    var error: String?
    var pending: [PendingDelivery]
}

/// `GET /__admin/webhooks`: what is pending and every attempt, payloads as text.
struct WebhooksView: Encodable {
    struct Attempt: Encodable {
        var notificationId: String
        var eventType: Int
        var shopId: String
        var target: String
        var attempt: Int
        var payload: String
        var signature: String
        var isForged: Bool
        var isDuplicate: Bool
        var scenarioTime: Int64
        var latencyMicroseconds: Int64?
        var responseStatus: Int?
        var error: String?
        var outcome: String

        init(_ record: WebhookDeliveryRecord) {
            self.notificationId = record.notificationID
            self.eventType = record.eventType
            self.shopId = record.shopID
            self.target = record.target
            self.attempt = record.attempt
            self.payload = String(decoding: record.payload, as: UTF8.self)
            self.signature = record.signature
            self.isForged = record.isForged
            self.isDuplicate = record.isDuplicate
            self.scenarioTime = record.scenarioTime
            self.latencyMicroseconds = record.latencyMicroseconds
            self.responseStatus = record.responseStatus
            self.error = record.error
            self.outcome = record.outcome.rawValue
        }
    }

    var pending: [PendingDelivery]
    var deliveries: [Attempt]
}

struct AdminError: Error, Encodable {
    var error: String
    var endpoints: [String]?
}

struct JournalPage: Encodable {
    var entries: [JournalEntryView]
}

/// A journal entry as JSON: bodies as text when they are UTF-8, else base64 under `*_base64`.
struct JournalEntryView: Encodable {
    var id: Int64
    var requestId: String
    var wallTime: Double
    var scenarioTime: Int64
    var method: String
    var path: String
    var query: String
    var headers: [String: String]
    var body: String?
    var bodyBase64: String?
    var operation: String?
    var shopCipher: String?
    var answeredBy: String
    var answeredFrom: String?
    var failedChecks: [JournalEntry.FailedCheck]
    var responseStatus: Int
    var responseCode: Int?
    var responseHeaders: [String: String]
    var responseBody: String?
    var durationMicroseconds: Int64

    init(_ entry: JournalEntry) {
        self.id = entry.id
        self.requestId = entry.requestID
        self.wallTime = entry.wallTime
        self.scenarioTime = entry.scenarioTime
        self.method = entry.method
        self.path = entry.path
        self.query = entry.query
        self.headers = entry.headers
        let text = String(data: entry.body, encoding: .utf8)
        self.body = text
        self.bodyBase64 = text == nil ? entry.body.base64EncodedString() : nil
        self.operation = entry.operation
        self.shopCipher = entry.shopCipher
        self.answeredBy = entry.answeredBy.rawValue
        self.answeredFrom = entry.answeredFrom
        self.failedChecks = entry.failedChecks
        self.responseStatus = entry.responseStatus
        self.responseCode = entry.responseCode
        self.responseHeaders = entry.responseHeaders
        self.responseBody = String(data: entry.responseBody, encoding: .utf8)
        self.durationMicroseconds = entry.durationMicroseconds
    }
}

/// `GET /__admin/near-misses`: each request no cassette interaction matched, with the closest ones.
struct NearMissesView: Encodable {
    struct Request: Encodable {
        var entry: Int64
        var requestId: String
        var request: String
        var nearMisses: [NearMiss]

        init(_ entry: JournalEntry) {
            self.entry = entry.id
            self.requestId = entry.requestID
            self.request = "\(entry.method) \(entry.path)" + (entry.query.isEmpty ? "" : "?\(entry.query)")
            self.nearMisses = entry.nearMisses
        }
    }

    var requests: [Request]
}
