import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// `tts-replay-benchmarks nio-floor FILE [MODE]`: a plain SwiftNIO server answering every
/// request with FILE's bytes as JSON on a loopback port it prints as `{"base_url": ...}`, until
/// killed. What NIO itself costs per request on this machine: the floor under any server on this
/// stack (`Benchmarks/ab.py --floor`). The modes:
/// - `pipeline` (the default): NIO's HTTP/1 server pipeline (with its pipelining and error
///   handlers) and one handler;
/// - `codec`: NIO's HTTP/1 decoder and encoder alone, as the API port has them;
/// - `bytes`: no HTTP at all: a fixed answer, head and body, written for each blank line read
///   (for requests without a body only), what the sockets and the event loop cost.
enum NIOFloor {
    /// How much of NIO's HTTP/1 the server has.
    enum Mode: String {
        case pipeline, codec, bytes
    }

    static func run(path: String, mode: Mode) async throws {
        let body = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    switch mode {
                    case .pipeline:
                        try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                        try pipeline.addHandler(FixedAnswer(body: body))
                    case .codec:
                        try pipeline.configureHTTPServerPipeline(withPipeliningAssistance: false, withErrorHandling: false)
                        try pipeline.addHandler(FixedAnswer(body: body))
                    case .bytes:
                        try pipeline.addHandler(AnswerPerBlankLine(body: body))
                    }
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

    /// Writes a fixed answer for each blank line (`\r\n\r\n`) read, and flushes once per read.
    private final class AnswerPerBlankLine: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        private let answer: ByteBuffer
        /// How much of `\r\n\r\n` the last bytes read were.
        private var matched = 0

        init(body: ByteBuffer) {
            var answer = ByteBuffer(string: "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: \(body.readableBytes)\r\n\r\n")
            answer.writeImmutableBuffer(body)
            self.answer = answer
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var blankLines = 0
            unwrapInboundIn(data).withUnsafeReadableBytes { bytes in
                for byte in bytes {
                    let expected: UInt8 = matched % 2 == 0 ? 13 : 10
                    matched = byte == expected ? matched + 1 : (byte == 13 ? 1 : 0)
                    if matched == 4 {
                        blankLines += 1
                        matched = 0
                    }
                }
            }
            for _ in 0..<blankLines { context.write(wrapOutboundOut(answer), promise: nil) }
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            context.flush()
        }
    }
}
