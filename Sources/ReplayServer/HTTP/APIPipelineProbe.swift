import HummingbirdCore
import NIOCore
import NIOEmbedded
import NIOHTTP1
public import ReplayJournal
public import Scenarios

/// The API port's request handling without the network, for the benchmarks in `Benchmarks/`:
/// request bytes go through the same pipeline a connection has (HTTP/1 decoder and encoder,
/// ``ConnectionGuard``, ``RequestGate``, ``APIRequestHandler``) on an embedded channel, are
/// answered and journaled to a real SQLite file, and the answer's bytes come out. The journal
/// answers before its commit, with a queue that does not fill within a benchmark's run, so
/// that each answer is written before ``answer(_:)`` returns.
/// Not part of the public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public final class APIPipelineProbe {
    /// Why a request got no answer.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    private let state: ServerState
    private let channel: EmbeddedChannel

    /// The journal the pipeline writes to.
    public var journal: Journal { state.journal }

    /// A pipeline on `scenario`, journaling to `journalPath`.
    ///
    /// - Throws: What a server's start throws for the scenario and the journal.
    public init(scenario: Scenario, journalPath: String) throws {
        // Each answer goes once its entry is queued, and the queue does not fill within a
        // benchmark's run: an answer is never left to the writer's thread.
        var configuration = ReplayServer.Configuration(
            journalPath: journalPath,
            journalDurability: .answerBeforeCommit,
            journalQueueLimit: JournalQueueLimit(entries: 10_000_000, bytes: 4 << 30)
        )
        configuration.existingJournal = .replace
        let cassettes = CassettePlayer(cassettes: scenario.cassettes)
        let journal = try Journal.open(for: scenario, configuration: configuration)
        state = try ServerState(scenario: scenario, cassettes: cassettes, journal: journal, configuration: configuration)
        channel = EmbeddedChannel()
        var limits = NIOHTTPDecoderLimitConfiguration()
        limits.maxHeaderFieldSize = ReplayServer.parserLimits.maxHeaderFieldSize
        limits.maxHeaderListSize = ReplayServer.parserLimits.maxHeaderListSize
        limits.maxHeaderFieldCount = ReplayServer.parserLimits.maxHeaderFieldCount
        let pipeline = channel.pipeline.syncOperations
        try pipeline.configureHTTPServerPipeline(
            withPipeliningAssistance: false,
            withErrorHandling: false,
            withOutboundHeaderValidation: false,
            withEncoderConfiguration: .init(),
            withDecoderLimitConfiguration: limits
        )
        let transport = TransportLimits(configuration)
        try GuardedHTTP1Channel.addHandlers(
            to: pipeline,
            limits: transport,
            table: ConnectionTable(capacity: transport.maxConnections),
            api: APIResponder(state: state)
        )
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
    }

    /// Sends one request's bytes and returns the answer's.
    ///
    /// - Throws: ``Problem`` when no answer came out.
    public func answer(_ request: [UInt8]) throws -> [UInt8] {
        try channel.writeInbound(ByteBuffer(bytes: request))
        var answer: [UInt8] = []
        while let part = try channel.readOutbound(as: IOData.self) {
            if case .byteBuffer(let bytes) = part { answer += bytes.readableBytesView }
        }
        guard !answer.isEmpty else { throw Problem(description: "the pipeline wrote no answer") }
        return answer
    }

    /// Waits for the journal's entries to be written and closes it. (The embedded channel is
    /// left as it is: it may only be used on the thread that made it.)
    public func close() async {
        await state.outbox.stop()
        await state.journal.close()
    }
}
