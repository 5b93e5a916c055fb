import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1 connection with the fake's own handlers in its pipeline: a
/// ``ConnectionGuard`` first, where bytes arrive (deadlines, the connection cap, answers on the
/// wire), a ``RequestGate`` right after the HTTP/1 decoder (refusals, persistence, order), and
/// the ``APIRequestHandler`` after it, which answers the API on the event loop. Only admin
/// requests reach Hummingbird.
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: TransportLimits
    let table: ConnectionTable
    let api: APIResponder

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let (limits, table, api) = (limits, table, api)
        return http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            try channel.syncOptions?.setOption(ChannelOptions.writeBufferWaterMark, value: limits.writeBuffer)
            try Self.addHandlers(to: channel.pipeline.syncOperations, limits: limits, table: table, api: api)
            return value
        }
    }

    /// Adds the fake's handlers to a pipeline set up for an HTTP/1 server (NIO's decoder and encoder in it).
    static func addHandlers(
        to pipeline: ChannelPipeline.SynchronousOperations,
        limits: TransportLimits,
        table: ConnectionTable,
        api: APIResponder
    ) throws {
        let connection = ConnectionGuard(limits: limits, table: table)
        try pipeline.addHandler(connection, position: .first)
        let decoder = try pipeline.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
        let gate = RequestGate(api: api, connection: connection)
        try pipeline.addHandler(gate, position: .after(decoder))
        let handler = APIRequestHandler(api: api)
        try pipeline.addHandler(handler, position: .after(gate))
        let reader = PlainRequestReader(connection: connection, api: handler)
        handler.plainReader = reader
        try pipeline.addHandler(reader, position: .after(connection))
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// An HTTP/1 server whose connections are guarded by `limits`, refused requests answered by `api`.
    static func guardedHTTP1(configuration: HTTP1Channel.Configuration, limits: TransportLimits, api: APIResponder) -> HTTPServerBuilder {
        let table = ConnectionTable(capacity: limits.maxConnections)
        return HTTPServerBuilder { responder in
            GuardedHTTP1Channel(http1: HTTP1Channel(responder: responder, configuration: configuration), limits: limits, table: table, api: api)
        }
    }
}
