import Logging
import Scenarios
import Synchronization

/// Everything the responders share for one server: the scenario, its clock, the gateway,
/// the simulator, the journal and the arrival counter.
final class ServerState: Sendable {
    let scenario: Scenario
    let clock: VirtualClock
    let gateway: Gateway
    let simulator: ShopSimulator
    let journal: Journal
    let requestIDs: RequestIDGenerator
    let maxBodyBytes: Int
    let maxHeaderBytes: Int
    let logger: Logger
    private let arrivals = Atomic<Int64>(0)

    init(scenario: Scenario, journal: Journal, maxBodyBytes: Int, maxHeaderBytes: Int, logger: Logger) throws(DiagnosticError) {
        let clock = VirtualClock(start: scenario.clockStart)
        self.scenario = scenario
        self.clock = clock
        self.gateway = Gateway(scenario: scenario, clock: clock)
        self.simulator = try ShopSimulator(scenario: scenario, clock: clock)
        self.journal = journal
        self.requestIDs = RequestIDGenerator(seed: scenario.seed)
        self.maxBodyBytes = maxBodyBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.logger = logger
    }

    /// The next arrival number, starting at 1.
    func nextArrival() -> Int64 {
        arrivals.wrappingAdd(1, ordering: .relaxed).newValue
    }

    /// Puts the server back as it was at start: empty journal, clock at the start, counter at 0.
    func reset() async throws {
        try await journal.clear()
        clock.reset()
        simulator.store.reset()
        arrivals.store(0, ordering: .relaxed)
    }
}
