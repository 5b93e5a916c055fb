public import Foundation
import Hummingbird
import HummingbirdCore
import Logging
public import Scenarios
import Synchronization

#if canImport(Glibc)
import Glibc
public import ReplayJournal
#endif

/// A fake TikTok Shop API server running a scenario on a real socket.
///
/// Start one per test; many can run at once in one process without sharing anything.
///
/// ```swift
/// let server = try await ReplayServer.start(scenario: try .default)
/// defer { Task { try await server.stop() } }
/// // point your client at server.baseURL with server.credentials
/// let calls = try await server.journal.entries(operation: "get_authorized_shops")
/// ```
///
/// Prefer ``withReplayServer(scenario:configuration:_:)``, which always stops the server.
public final class ReplayServer: Sendable {
    /// The scenario the server simulates. Its cassettes are indexed when the server starts and
    /// are kept here without their interactions, so that a cassette of 100,000 interactions is
    /// not held twice.
    public let scenario: Scenario
    /// The API's base URL, such as `http://127.0.0.1:49152` (paths start with `/product/...`).
    public let baseURL: URL
    /// The admin API's base URL, `baseURL` + `/__admin`.
    public let adminURL: URL
    /// The credentials a client uses: app key and secret, access token, shop cipher and id.
    public let credentials: ClientCredentials
    /// The journal of every request and answer.
    public let journal: Journal
    /// The scenario's virtual clock.
    public let clock: VirtualClock
    /// The webhooks the server sends: what is pending, and a way to wait until nothing is.
    public let webhooks: WebhookOutbox
    /// The token the admin API requires (`Authorization: Bearer <token>`), nil when it is open.
    public let adminToken: String?

    private let driver: ClockDriver
    private let listener: Listener
    private let stopped = Mutex(false)

    private init(
        scenario: Scenario,
        baseURL: URL,
        state: ServerState,
        listener: Listener,
        adminToken: String?
    ) {
        self.scenario = scenario
        self.baseURL = baseURL
        self.adminURL = baseURL.appendingPathComponent("__admin")
        self.credentials = ClientCredentials(
            appKey: scenario.app.key,
            appSecret: scenario.app.secret,
            accessToken: scenario.primaryToken.value,
            shopCipher: scenario.primaryShop.cipher,
            shopID: scenario.primaryShop.id
        )
        self.journal = state.journal
        self.clock = state.clock
        self.webhooks = state.outbox
        self.adminToken = adminToken
        self.driver = ClockDriver(clock: state.clock)
        self.listener = listener
    }

    /// Starts a server and returns once it accepts connections.
    ///
    /// - Parameters:
    ///   - scenario: The scenario to simulate. Pass it with `consume` when you no longer need it,
    ///     so that its cassettes' interactions are freed once indexed.
    ///   - configuration: Address, port, journal file and limits; the defaults bind 127.0.0.1 on a free port.
    /// - Returns: The running server. Call ``stop()`` when done.
    /// - Throws: `DiagnosticError` when a shop's market catalogue is missing or broken;
    ///   ``ReplayServerError`` when the address cannot be bound; ``JournalError`` when the journal
    ///   cannot be opened or already holds a run (see ``Configuration/existingJournal``).
    public static func start(scenario: consuming Scenario, configuration: Configuration = Configuration()) async throws -> ReplayServer {
        let logger = configuration.logger
        // The cassettes are indexed first, and the scenario is kept without their interactions:
        // a large cassette is then held once, as its index (see ``scenario``).
        let cassettes = CassettePlayer(cassettes: scenario.cassettes)
        for index in scenario.cassettes.indices { scenario.cassettes[index].interactions = [] }
        let scenario = copy scenario
        let journal = try Journal.open(for: scenario, configuration: configuration)
        let state: ServerState
        do {
            state = try ServerState(scenario: scenario, cassettes: cassettes, journal: journal, configuration: configuration)
        } catch {
            await journal.close()
            throw error
        }

        Self.returnFreedMemory()
        let api = APIResponder(state: state)
        // Off loopback the admin API (reset, clock, journal with bodies as sent) needs a token.
        let exposed = !Listener.isLoopback(configuration.host)
        let adminToken = configuration.adminToken ?? (exposed ? AdminToken.random() : nil)
        let listener: Listener
        do {
            listener = try await Listener.start(
                responder: AdminResponder(state: state, token: adminToken.map(AdminToken.init)),
                server: .guardedHTTP1(
                    configuration: HTTP1Channel.Configuration(httpDecoderConfiguration: Self.parserLimits),
                    limits: TransportLimits(configuration),
                    api: api
                ),
                host: configuration.host,
                port: configuration.port,
                logger: logger
            )
        } catch {
            await state.outbox.stop()
            await journal.close()
            throw error
        }
        let server = ReplayServer(
            scenario: scenario,
            baseURL: URL(string: listener.baseURL(host: configuration.host))!,
            state: state,
            listener: listener,
            adminToken: adminToken
        )
        if exposed {
            logger.warning(
                "tts-replay listens on \(configuration.host):\(listener.port), which other machines may reach: the admin API requires its token (Authorization: Bearer <admin_token>)"
            )
        }
        logger.info("tts-replay serving scenario '\(scenario.name)' at \(server.baseURL.absoluteString), journal \(journal.path)")
        return server
    }

    /// Gives freed memory back to the system (glibc keeps it otherwise): run once the cassettes
    /// are indexed and their loaded model dropped, so a server holding 100,000 interactions does
    /// not keep the loading's peak resident. `@_spi(Benchmarks)` for the memory benchmark.
    @_spi(Benchmarks)
    public static func returnFreedMemory() {
        #if canImport(Glibc)
        // glibc's malloc_trim, looked up at run time (malloc.h is not part of the Glibc module).
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            typealias MallocTrim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(symbol, to: MallocTrim.self)(0)
        }
        #endif
    }

    /// Generous parser limits, so that oversized headers reach the gateway and get an envelope.
    static let parserLimits = HTTP1Channel.Configuration.DecoderConfiguration(
        maxHeaderFieldSize: 1024 * 1024,
        maxHeaderListSize: 1024 * 1024,
        maxHeaderFieldCount: 10_000
    )

    /// Cancels the webhook attempts in flight (journaled `cancelled`), stops accepting requests,
    /// finishes the ones in flight, drops webhooks not yet sent, flushes and closes the journal.
    ///
    /// No webhook receiver can hold it: the attempts are cancelled first, so a request moving
    /// the clock (`POST /__admin/clock/advance`) ends at once too. Calling it again does nothing.
    public func stop() async throws {
        let alreadyStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        guard !alreadyStopped else { return }
        await webhooks.stop()
        let result: Result<Void, any Error>
        do {
            result = .success(try await listener.stop())
        } catch {
            result = .failure(error)
        }
        await driver.stop()
        clock.reset()
        await journal.close()
        try result.get()
    }
}

/// Runs `body` with a server that is stopped afterwards, whether `body` returns or throws.
///
/// ```swift
/// try await withReplayServer(scenario: try .default) { server in
///     let client = MyShopClient(baseURL: server.baseURL, credentials: server.credentials)
///     try await client.listShops()
/// }
/// ```
///
/// - Parameters:
///   - scenario: The scenario to simulate.
///   - configuration: Address, port, journal file and limits.
///   - body: The work to do while the server runs.
/// - Returns: What `body` returns.
public func withReplayServer<T>(
    scenario: Scenario,
    configuration: ReplayServer.Configuration = ReplayServer.Configuration(),
    _ body: (ReplayServer) async throws -> T
) async throws -> T {
    let server = try await ReplayServer.start(scenario: scenario, configuration: configuration)
    do {
        let result = try await body(server)
        try await server.stop()
        return result
    } catch {
        try? await server.stop()
        throw error
    }
}

/// Why a server could not start.
public enum ReplayServerError: Error, Sendable, CustomStringConvertible {
    /// The address could not be bound (port in use, bad host).
    case couldNotBind(host: String, port: Int, reason: String)

    public var description: String {
        switch self {
        case .couldNotBind(let host, let port, let reason): "cannot listen on \(host):\(port): \(reason)"
        }
    }
}
