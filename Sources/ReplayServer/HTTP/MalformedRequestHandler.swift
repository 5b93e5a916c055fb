import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request the HTTP parser cannot read (bytes that are not HTTP, raw non-ASCII in the
/// request line, headers past the parser's limit) with an envelope instead of a bare 400, journals
/// it, and closes the connection, since nothing after it on the connection can be trusted.
final class MalformedRequestHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundOut = HTTPResponsePart

    private let api: APIResponder
    /// Whether this connection has had its answer: the rest of a broken stream is ignored.
    private var answered = false

    init(api: APIResponder) {
        self.api = api
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if answered { return }
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        answered = true
        let answer = api.respondToMalformedRequest(reason: "\(parserError)")
        let head = HTTPResponse(
            status: .init(code: answer.status),
            headerFields: [.contentType: "application/json", .contentLength: "\(answer.bytes.count)", .connection: "close"]
        )
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: answer.bytes))), promise: nil)
        // Close only our side first: a client still sending (huge headers) would otherwise get
        // a reset instead of the answer. The connection closes for good shortly after.
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            channel.close(mode: .output, promise: nil)
            channel.eventLoop.scheduleTask(in: .seconds(2)) { channel.close(promise: nil) }
        }
    }
}
