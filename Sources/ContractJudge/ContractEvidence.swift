import Foundation
public import ReplayJournal
public import Scenarios

/// Everything a run left in its journal, read once, with the lookups clauses share: what a
/// ``Clause``'s judge reads. Read-only; times are Unix seconds.
///
/// Order things by wall time (``JournalEntry/wallTime``; many steps share one scenario instant
/// when the clock is manual) and measure spans in scenario time (``JournalEntry/scenarioTime``).
public struct ContractEvidence: Sendable {
    /// What the contract knows of the run's scenario: shops, markets, upgrade and webhook
    /// settings, products at the start, and the scenario's `expect:` rules.
    public let facts: ContractFacts
    /// The scenario's name.
    public let scenario: String
    /// API requests in arrival order (the parser's rejects included; see ``clientRequests``).
    public let requests: [JournalEntry]
    /// Webhook delivery attempts in order (forged, duplicate, dropped and cancelled ones included).
    public let deliveries: [WebhookDeliveryRecord]
    /// Shop events in order (upgrade steps, category changes).
    public let events: [ShopEvent]
    /// Every move of the scenario clock, in order.
    public let clockMoves: [ClockMove]
    /// The scenario time the run started at.
    public let startTime: Int64
    /// The scenario time when the run was judged: the last thing the journal saw.
    public let endTime: Int64
    /// The JSON bodies of the requests that have one, by entry id: decoded once, read by many clauses.
    private let bodies: [Int64: JSONValue]
    /// The product each notification is about, by notification id.
    private let notifiedProducts: [String: String]

    init(journal: JournalReader) async throws {
        let info = try await journal.runInfo()
        let facts = info[ContractFacts.runInfoKey].flatMap { try? JSONDecoder().decode(ContractFacts.self, from: Data($0.utf8)) }
        guard let facts else {
            throw ContractError.notJudgeable(reason: "the journal holds no contract facts (written by a tts-replay before the contract existed)")
        }
        self.facts = facts
        self.scenario = info["scenario"] ?? ""
        self.requests = try await journal.entries()
        self.deliveries = try await journal.webhookDeliveries()
        self.events = try await journal.shopEvents()
        self.clockMoves = try await journal.clockMoves()
        self.bodies = Dictionary(
            uniqueKeysWithValues: requests.compactMap { entry in
                entry.body.isEmpty ? nil : (try? JSONDecoder().decode(JSONValue.self, from: entry.body)).map { (entry.id, $0) }
            }
        )
        self.notifiedProducts = Dictionary(
            deliveries.compactMap { delivery in Self.productID(inPayload: delivery.payload).map { (delivery.notificationID, $0) } },
            uniquingKeysWith: { first, _ in first }
        )
        let start = info["clock_start"].flatMap(ScenarioInstant.parse).map { Int64($0.timeIntervalSince1970) } ?? 0
        self.startTime = start
        self.endTime =
            ([start] + requests.map(\.scenarioTime) + deliveries.map(\.scenarioTime) + events.map(\.scenarioTime) + clockMoves.map(\.toTime)).max()
            ?? start
    }

    /// Requests the client made (the parser's rejects, which have no method, are left out).
    public var clientRequests: [JournalEntry] { requests.filter { !$0.method.isEmpty } }

    /// The request line of an entry, query included: `GET /product/202309/categories?category_version=v1`.
    public static func line(_ entry: JournalEntry) -> String {
        "\(entry.method) \(entry.path)" + (entry.query.isEmpty ? "" : "?\(entry.query)")
    }

    /// The value of a query parameter an entry sent (the first, when repeated).
    public func query(_ name: String, of entry: JournalEntry) -> String? {
        entry.queryParameters.first { $0.name == name }?.value
    }

    /// The JSON body of an entry, if it has one.
    public func body(of entry: JournalEntry) -> JSONValue? {
        bodies[entry.id]
    }

    /// The product a delivery's notification is about (`data.product_id`), if it names one.
    public func productID(of delivery: WebhookDeliveryRecord) -> String? {
        notifiedProducts[delivery.notificationID]
    }

    /// `data.product_id` of a webhook payload: a string in type 18, an integer in types 5 and
    /// 37, read exactly (a 19-digit id does not fit a Double).
    static func productID(inPayload payload: Data) -> String? {
        let object = try? JSONSerialization.jsonObject(with: payload) as? [String: Any]
        switch (object?["data"] as? [String: Any])?["product_id"] {
        case let id as String: return id
        case let id as NSNumber: return id.stringValue.allSatisfy(\.isASCII) && id.stringValue.allSatisfy(\.isNumber) ? id.stringValue : nil
        default: return nil
        }
    }

    /// The requests that arrived after a wall-clock instant.
    public func requests(after wallTime: Double) -> ArraySlice<JournalEntry> {
        let index = requests.firstIndex { $0.wallTime > wallTime } ?? requests.endIndex
        return requests[index...]
    }
}

/// Why a journal cannot be judged.
public enum ContractError: Error, Sendable, CustomStringConvertible {
    /// The journal lacks what the contract needs.
    case notJudgeable(reason: String)
    /// No contract has that name.
    case unknownContract(String)

    public var description: String {
        switch self {
        case .notJudgeable(let reason): "the journal cannot be judged: \(reason)"
        case .unknownContract(let name): "no contract named '\(name)'; contracts: \(Contract.all.map(\.name).joined(separator: ", "))"
        }
    }
}
