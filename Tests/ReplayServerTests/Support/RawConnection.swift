import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// One raw TCP connection kept open across steps, for tests that watch when the server answers
/// and when it hangs up: idle and slow clients, pipelining, HTTP/1.0.
final class RawConnection: Sendable {
    private let channel: any Channel
    private let inbox: Inbox

    private init(channel: any Channel, inbox: Inbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects to `host:port`, and sends `first` as soon as the connection is up: from the
    /// event loop, so that a test task slow to be scheduled on a loaded machine cannot let a
    /// short idle timeout pass before the request goes out.
    ///
    /// With `reading` false, nothing is read (a small receive buffer, no reads) until ``startReading()``.
    static func open(port: Int, host: String = "127.0.0.1", sending first: String? = nil, reading: Bool = true) async throws -> RawConnection {
        let inbox = Inbox()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.autoRead, value: reading)
            .channelOption(.socketOption(.so_rcvbuf), value: reading ? 131_072 : 16_384)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Collector(inbox: inbox, first: first.map { Array($0.utf8) }))
                }
            }
            .connect(host: host, port: port)
            .get()
        return RawConnection(channel: channel, inbox: inbox)
    }

    /// Sends bytes; fails once the server has closed the connection.
    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Sends text as UTF-8.
    func send(_ text: String) async throws {
        try await send(Array(text.utf8))
    }

    /// Everything received so far.
    var received: String {
        inbox.text
    }

    /// Whether the server has closed the connection.
    var isClosed: Bool {
        !channel.isActive
    }

    /// Waits until the server closes the connection or `limit` passes; true when it closed.
    func waitForClose(within limit: Duration) async -> Bool {
        await waitUntil(within: limit) { self.isClosed }
    }

    /// Waits until `count` answers (status lines) have arrived or `limit` passes; true when they did.
    func waitForAnswers(_ count: Int, within limit: Duration) async -> Bool {
        await waitUntil(within: limit) { RawConnection.answers(in: self.received).count >= count && self.bodiesComplete }
    }

    /// Starts reading what the server sent, for a connection opened without reading.
    func startReading() async throws {
        try await channel.setOption(.autoRead, value: true).get()
        channel.read()
    }

    /// Closes the client side.
    func close() async {
        try? await channel.close()
    }

    /// The status codes of the answers in `text`, in order.
    static func answers(in text: String) -> [Int] {
        text.components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap { Int($0.prefix(3)) }
    }

    /// The value of a header in the first answer of `text`, nil when absent.
    static func header(_ name: String, in text: String) -> String? {
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == name.lowercased() {
                return parts[1].trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    /// Whether every answer received so far has its whole body (by its content-length).
    private var bodiesComplete: Bool {
        var rest = Substring(received)
        while let headEnd = rest.range(of: "\r\n\r\n") {
            let length = RawConnection.header("content-length", in: String(rest[..<headEnd.upperBound])).flatMap { Int($0) } ?? 0
            let body = rest[headEnd.upperBound...]
            guard body.utf8.count >= length else { return false }
            rest = body.dropFirst(length)
        }
        return true
    }

    private func waitUntil(within limit: Duration, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while !condition() {
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    private final class Inbox: Sendable {
        private let bytes = Mutex<[UInt8]>([])

        func append(_ buffer: ByteBuffer) {
            bytes.withLock { $0.append(contentsOf: buffer.readableBytesView) }
        }

        var text: String {
            bytes.withLock { String(decoding: $0, as: UTF8.self) }
        }
    }

    private final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let inbox: Inbox
        let first: [UInt8]?

        init(inbox: Inbox, first: [UInt8]?) {
            self.inbox = inbox
            self.first = first
        }

        func channelActive(context: ChannelHandlerContext) {
            if let first { context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: first)), promise: nil) }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            inbox.append(unwrapInboundIn(data))
        }
    }
}
