import Foundation
public import ReplayJournal
import Scenarios

/// What a run's HTML report draws on its timeline, read once from the journal: the client's
/// requests with their answers, every webhook attempt, the shop's events and the clock's moves.
///
/// Read it while the journal is still open (before a server stops) and hand it to
/// ``ContractReport/html(timeline:)`` or keep it in ``SuiteReport/ScenarioRun/timeline``.
/// Bodies are cut at ``bodyLimit`` bytes, identical bodies are kept once, and past
/// ``bodyBudget`` bytes of distinct bodies the rest are left out with a note, so a journal
/// of any size makes a page of bounded weight apart from one line per entry.
public struct RunTimeline: Sendable, Encodable {
    /// The longest body a report shows, in bytes (64 KiB); longer ones are cut with a note.
    public static let bodyLimit = 64 * 1024
    /// The most bytes of distinct bodies one report embeds (8 MiB); later bodies are left out with a note.
    public static let bodyBudget = 8 * 1024 * 1024

    /// The scenario time the run started at, Unix seconds.
    let start: Int64
    /// The client's requests, in arrival order.
    let requests: [TimelineRequest]
    /// Every webhook delivery attempt, in order.
    let deliveries: [TimelineDelivery]
    /// Shop events: the upgrade task, products' moves, audit steps.
    let events: [TimelineEvent]
    /// The scenario clock's moves.
    let clock: [TimelineClockMove]
    /// The distinct bodies, referred to by index.
    let bodies: [String]

    /// Reads what the timeline shows from a journal.
    ///
    /// - Throws: A database error when the journal cannot be read.
    public init(journal: JournalReader) async throws {
        let info = try await journal.runInfo()
        var bodies = BodyTable()
        let deliveries = try await journal.webhookDeliveries()
        let events = try await journal.shopEvents()
        let moves = try await journal.clockMoves()
        let requests = try await journal.entries().map { TimelineRequest($0, bodies: &bodies) }
        let retried = Set(deliveries.map { "\($0.notificationID)#\($0.attempt - 1)" })
        self.start =
            info["clock_start"].flatMap(ScenarioInstant.parse).map { Int64($0.timeIntervalSince1970) }
            ?? ([requests.first?.time, deliveries.first?.scenarioTime, events.first?.scenarioTime].compactMap { $0 }.min() ?? 0)
        self.requests = requests
        self.deliveries = deliveries.map { TimelineDelivery($0, retried: retried.contains("\($0.notificationID)#\($0.attempt)"), bodies: &bodies) }
        self.events = events.map(TimelineEvent.init)
        self.clock = moves.map(TimelineClockMove.init)
        self.bodies = bodies.texts
    }

    enum CodingKeys: String, CodingKey {
        case start, requests, deliveries, events, clock, bodies
    }
}
