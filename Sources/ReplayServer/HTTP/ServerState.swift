import Foundation
import ReplayJournal
import Scenarios
import Synchronization

/// Everything one server holds: the scenario, its clock, the gateway, the shop (products,
/// webhooks, upgrade tasks), the journal and the arrival counter. Built once per server;
/// nothing is shared between servers.
final class ServerState: Sendable {
    let scenario: Scenario
    let clock: VirtualClock
    let gateway: Gateway
    let simulator: ShopSimulator
    let outbox: WebhookOutbox
    let stubs: StubBook
    let cassettes: CassettePlayer
    let journal: Journal
    let requestIDs: RequestIDGenerator
    let maxBodyBytes: Int
    let maxHeaderBytes: Int
    /// The last arrival number handed out; a continued journal's goes on from its last entry.
    private let arrivals: Atomic<Int64>

    /// - Throws: `DiagnosticError` when a shop's market catalogue is missing or broken;
    ///   `StubBook.Problem` when a stub names an unknown operation.
    init(scenario: Scenario, cassettes: CassettePlayer, journal: Journal, configuration: ReplayServer.Configuration) throws {
        // Everything that can fail comes before the webhook outbox, whose HTTP client must be shut down.
        let stubs = StubBook(stubs: scenario.stubs)
        var markets: [Region: MarketCatalogue] = [:]
        for region in Set(scenario.shops.map(\.region)) {
            markets[region] = try scenario.catalogue.market(region)
        }
        let clock = VirtualClock(
            start: scenario.clockStart,
            mode: scenario.clockRate > 0 ? .scaled(scenario.clockRate) : .manual,
            onMove: { journal.record(.clockMove($0)) }
        )
        let subscriptions = WebhookSubscriptions(scenario: scenario, extraAddress: configuration.webhookURL)
        let outbox = WebhookOutbox(scenario: scenario, clock: clock, journal: journal, subscriptions: subscriptions, logger: configuration.logger)
        let events = ShopEvents(clock: clock, journal: journal, outbox: outbox)
        let store = ProductStore(initial: ShopSimulator.initialProducts(scenario, markets: markets), seed: scenario.seed)
        self.scenario = scenario
        self.clock = clock
        self.gateway = Gateway(scenario: scenario, clock: clock, limits: configuration.requestLimits, isRecorded: cassettes.holds)
        self.simulator = ShopSimulator(
            scenario: scenario,
            clock: clock,
            markets: markets,
            store: store,
            subscriptions: subscriptions,
            upgrades: CategoryUpgrades(scenario: scenario, markets: markets, clock: clock, store: store, events: events),
            audits: ProductAudits(scenario: scenario, clock: clock, store: store, events: events),
            events: events,
            compliance: ComplianceBook(seed: scenario.seed)
        )
        self.outbox = outbox
        self.stubs = stubs
        self.cassettes = cassettes
        self.journal = journal
        self.arrivals = Atomic(journal.lastArrival)
        self.requestIDs = RequestIDGenerator(seed: scenario.seed)
        self.maxBodyBytes = configuration.maxBodyBytes
        self.maxHeaderBytes = configuration.maxHeaderBytes
    }

    /// The next arrival number, starting at 1.
    func nextArrival() -> Int64 {
        arrivals.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Puts the server back as it was at start: empty journal, clock at the start with nothing
    /// scheduled, the scenario's products and webhook registrations, counters at 0.
    func reset() async throws {
        clock.reset()
        outbox.reset()
        simulator.store.reset()
        simulator.subscriptions.reset()
        simulator.upgrades.reset()
        simulator.audits.reset()
        simulator.compliance.reset()
        simulator.uploads.reset()
        stubs.reset()
        cassettes.reset()
        await journal.clear()
        arrivals.store(0, ordering: .relaxed)
    }
}
