import Foundation
import ReplayJournal
import Scenarios

/// Everything a run left in its journal, read once, with the lookups the clauses share.
struct ContractEvidence: Sendable {
    let facts: ContractFacts
    let scenario: String
    /// API requests in arrival order.
    let requests: [JournalEntry]
    /// Webhook delivery attempts in order.
    let deliveries: [WebhookDeliveryRecord]
    /// Shop events in order.
    let events: [ShopEvent]
    /// The scenario time when the run was judged: the last thing the journal saw.
    let endTime: Int64
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
        let clockMoves = try await journal.clockMoves()
        self.bodies = Dictionary(
            uniqueKeysWithValues: requests.compactMap { entry in
                entry.body.isEmpty ? nil : (try? JSONDecoder().decode(JSONValue.self, from: entry.body)).map { (entry.id, $0) }
            }
        )
        self.notifiedProducts = Dictionary(
            deliveries.compactMap { delivery in
                (try? JSONDecoder().decode(JSONValue.self, from: delivery.payload))?["data"]?["product_id"]?.string.map {
                    (delivery.notificationID, $0)
                }
            },
            uniquingKeysWith: { first, _ in first }
        )
        let start = info["clock_start"].flatMap(ScenarioInstant.parse).map { Int64($0.timeIntervalSince1970) } ?? 0
        self.endTime =
            ([start] + requests.map(\.scenarioTime) + deliveries.map(\.scenarioTime) + events.map(\.scenarioTime) + clockMoves.map(\.toTime)).max()
            ?? start
    }

    /// Requests the client made (the parser's rejects, which have no method, are left out).
    var clientRequests: [JournalEntry] { requests.filter { !$0.method.isEmpty } }

    /// The request line of an entry, query included: `GET /product/202309/categories?category_version=v1`.
    static func line(_ entry: JournalEntry) -> String {
        "\(entry.method) \(entry.path)" + (entry.query.isEmpty ? "" : "?\(entry.query)")
    }

    /// A query parameter of an entry.
    package static func query(_ entry: JournalEntry, _ name: String) -> String? {
        entry.queryParameters.first { $0.name == name }?.value
    }

    /// The JSON body of an entry, if it has one.
    package func body(_ entry: JournalEntry) -> JSONValue? {
        bodies[entry.id]
    }

    /// The product a category-change delivery is about.
    func productID(_ delivery: WebhookDeliveryRecord) -> String? {
        notifiedProducts[delivery.notificationID]
    }

    /// The requests that arrived after a wall-clock instant.
    func requests(after wallTime: Double) -> ArraySlice<JournalEntry> {
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
