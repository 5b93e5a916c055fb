import NIOCore

/// How long a connection may keep the server waiting for its client, and how many may be open:
/// ``ReplayServer/Configuration``'s transport knobs, in the event loop's units.
struct TransportLimits: Sendable {
    /// Waiting for the first byte of the next request.
    var idle: TimeAmount
    /// From a head's first byte to its blank line.
    var head: TimeAmount
    /// From a head to the last byte of its body.
    var body: TimeAmount
    /// The most connections open at once.
    var maxConnections: Int
    /// How long a connection refused at the cap has to send the head its 503 answers.
    var refusalGrace: TimeAmount = .seconds(1)
    /// How long a connection stays half-closed after its last answer, so that the client reads
    /// the answer rather than a reset, before it is closed for good.
    var linger: TimeAmount = .seconds(2)
    /// How many answer bytes a connection may hold unwritten before it stops reading (and how
    /// few before it reads again): above the largest category tree (72 KB), so that one answer
    /// does not turn the connection unwritable and back, which runs through its whole pipeline twice.
    var writeBuffer = ChannelOptions.Types.WriteBufferWaterMark(low: 128 << 10, high: 256 << 10)

    init(_ configuration: ReplayServer.Configuration) {
        self.idle = TimeAmount(configuration.idleTimeout)
        self.head = TimeAmount(configuration.headTimeout)
        self.body = TimeAmount(configuration.bodyTimeout)
        self.maxConnections = configuration.maxConnections
    }
}
