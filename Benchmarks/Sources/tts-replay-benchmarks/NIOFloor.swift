import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `tts-replay-benchmarks nio-floor FILE`: a plain SwiftNIO HTTP/1 server, NIO's own pipeline
/// and one handler, answering every request with FILE's bytes as JSON on a loopback port it
/// prints as `{"base_url": ...}`, until killed. What NIO itself costs per request on this
/// machine: the floor under any server on this stack (`Benchmarks/ab.py --floor`).
enum NIOFloor {
    static func run(path: String) async throws {
        let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(FixedAnswer(body: body))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let line = #"{"base_url": "http://127.0.0.1:\#(channel.localAddress?.port ?? 0)"}"# + "\n"
        FileHandle.standardOutput.write(Data(line.utf8))
        try await channel.closeFuture.get()
    }

    /// Answers each request, once read whole, with the same bytes; flushes once per read.
    private final class FixedAnswer: ChannelInboundHandler {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let body: ByteBuffer
        private let headers: HTTPHeaders

        init(body: ByteBuffer) {
            self.body = body
            self.headers = ["content-type": "application/json", "content-length": String(body.readableBytes)]
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .end = unwrapInboundIn(data) else { return }
            context.write(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil)
            context.write(wrapOutboundOut(.end(nil)), promise: nil)
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            context.flush()
        }
    }
}
