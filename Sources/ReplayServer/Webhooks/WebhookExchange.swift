import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import Scenarios
import Synchronization

/// One webhook POST on a connection of its own, bounded by one deadline that covers connecting,
/// sending, the answer's head and its whole body.
///
/// The request asks for `Connection: close` and the connection is closed when the exchange
/// ends, whichever way it ends: a connection the receiver closed is never reused, and nothing
/// is left open. When the deadline passes, or the exchange is cancelled, the connection is
/// closed on its event loop and ``run()`` returns at once: no receiver can hold it longer.
final class WebhookExchange: Sendable {
    /// The status of a complete answer, or why there was none.
    typealias Result = Swift.Result<Int, WebhookAttemptError>

    /// What is sent: the receiver sees exactly this.
    struct Request: Sendable {
        var target: WebhookTarget
        var headers: HTTPHeaders
        var body: [UInt8]
    }

    private struct State {
        var result: Result?
        var continuation: CheckedContinuation<Result, Never>?
        var channel: (any Channel)?
        var deadline: Scheduled<Void>?
        var progress = WebhookAttemptError.Progress.connecting
    }

    private let request: Request
    private let timeout: HumanDuration
    private let tls: NIOSSLContext?
    private let eventLoop: any EventLoop
    private let state = Mutex(State())

    /// - Parameters:
    ///   - request: The target, headers and body.
    ///   - timeout: The one deadline, from ``run()`` to the last byte of the answer.
    ///   - tls: The client TLS context, for an `https://` target.
    init(request: Request, timeout: HumanDuration, tls: NIOSSLContext?, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.request = request
        self.timeout = timeout
        self.tls = tls
        self.eventLoop = group.next()
    }

    /// Sends the request and waits for the complete answer, at most the timeout.
    ///
    /// Cancelling the calling task cancels the exchange (``WebhookAttemptError/cancelled(byServerStop:)``).
    func run() async -> Result {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let settled = state.withLock { state -> Result? in
                    if let result = state.result { return result }
                    state.continuation = continuation
                    return nil
                }
                if let settled {
                    continuation.resume(returning: settled)
                } else {
                    start()
                }
            }
        } onCancel: {
            finish(.failure(.cancelled(byServerStop: false)))
        }
    }

    /// Ends the exchange now because the server stops (nothing if it has ended).
    func cancelForServerStop() {
        finish(.failure(.cancelled(byServerStop: true)))
    }

    // MARK: - Private

    private func start() {
        let timeout = self.timeout
        let deadline = eventLoop.scheduleTask(in: .milliseconds(timeout.milliseconds)) { [self] in
            finish(.failure(.timedOut(after: timeout, progress: state.withLock { $0.progress })))
        }
        let armed = state.withLock { state -> Bool in
            guard state.result == nil else { return false }
            state.deadline = deadline
            return true
        }
        guard armed else {
            deadline.cancel()
            return
        }
        let target = request.target
        let tls = self.tls
        let request = self.request
        ClientBootstrap(group: eventLoop)
            .connectTimeout(.milliseconds(timeout.milliseconds))
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        let isAddress = (try? SocketAddress(ipAddress: target.host, port: target.port)) != nil
                        try channel.pipeline.syncOperations.addHandler(
                            NIOSSLClientHandler(context: tls, serverHostname: isAddress ? nil : target.host)
                        )
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(WebhookAnswerHandler(exchange: self, request: request))
                }
            }
            .connect(host: target.host, port: target.port)
            .whenComplete { [self] result in
                switch result {
                case .success(let channel):
                    // Only the connection that won (a name may resolve to several addresses)
                    // carries the request.
                    if adopt(channel) { channel.pipeline.fireUserInboundEventTriggered(WebhookAnswerHandler.Send()) }
                case .failure(let error):
                    finish(.failure(.couldNotConnect(address: target.address, reason: Self.describe(error))))
                }
            }
    }

    /// Keeps the connection so that the deadline or a cancellation can close it; closes it at
    /// once when the exchange has already ended.
    ///
    /// - Returns: Whether the exchange goes on over it.
    private func adopt(_ channel: any Channel) -> Bool {
        let ended = state.withLock { state -> Bool in
            guard state.result == nil else { return true }
            state.channel = channel
            return false
        }
        if ended {
            channel.close(promise: nil)
        } else {
            // The handler reports a close with the answer's progress; this covers a close it
            // cannot see (before the request went out).
            channel.closeFuture.whenComplete { [self] _ in
                finish(.failure(.closedEarly(progress: state.withLock { $0.progress })))
            }
        }
        return !ended
    }

    fileprivate func reached(_ progress: WebhookAttemptError.Progress) {
        state.withLock { $0.progress = progress }
    }

    /// The first result wins: it cancels the deadline, closes the connection and resumes ``run()``.
    fileprivate func finish(_ result: Result) {
        let ended = state.withLock { state -> (CheckedContinuation<Result, Never>?, (any Channel)?, Scheduled<Void>?)? in
            guard state.result == nil else { return nil }
            state.result = result
            defer {
                state.continuation = nil
                state.channel = nil
                state.deadline = nil
            }
            return (state.continuation, state.channel, state.deadline)
        }
        guard let (continuation, channel, deadline) = ended else { return }
        deadline?.cancel()
        channel?.close(promise: nil)
        continuation?.resume(returning: result)
    }

    /// `connection refused`, `cannot resolve the host: ...`: the reason without NIO's wrapping.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            let reasons = error.connectionErrors.map { describe($0.error) }
            if reasons.isEmpty, let dns = error.dnsAError ?? error.dnsAAAAError { return "cannot resolve the host: \(dns)" }
            return reasons.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "; ")
        case let error as IOError:
            return String(cString: strerror(error.errnoCode)).lowercased()
        case ChannelError.connectTimeout:
            return "timed out"
        default:
            return "\(error)"
        }
    }
}

/// Writes the request once told its connection won, and follows the answer to its end, reporting
/// how far it got. Before that (a connection attempt that lost, or one still opening) it reports
/// nothing.
private final class WebhookAnswerHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    /// The user event that says: this connection carries the exchange, send the request.
    struct Send {}

    private let exchange: WebhookExchange
    private let request: WebhookExchange.Request
    private var isSent = false
    private var status: Int?
    private var received = 0
    private var expected: Int?

    init(exchange: WebhookExchange, request: WebhookExchange.Request) {
        self.exchange = exchange
        self.request = request
    }

    private var progress: WebhookAttemptError.Progress {
        if let status { return .readingBody(status: status, received: received, expected: expected) }
        return isSent ? .awaitingHead : .connecting
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard event is Send else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        isSent = true
        exchange.reached(progress)
        let head = HTTPRequestHead(version: .http1_1, method: .POST, uri: request.target.requestTarget, headers: request.headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: request.body)))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard isSent else { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            expected = head.headers.first(name: "content-length").flatMap { Int($0) }
            exchange.reached(progress)
        case .body(let buffer):
            received += buffer.readableBytes
            exchange.reached(progress)
        case .end:
            exchange.finish(.success(status ?? 0))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        defer { context.close(promise: nil) }
        guard isSent else { return }
        switch error {
        case HTTPParserError.invalidEOFState:
            exchange.finish(.failure(.closedEarly(progress: progress)))
        case let error as HTTPParserError:
            exchange.finish(.failure(.malformedAnswer(reason: "\(error)")))
        default:
            exchange.finish(.failure(.connectionFailed(progress: progress, reason: WebhookExchange.describe(error))))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if isSent { exchange.finish(.failure(.closedEarly(progress: progress))) }
        context.fireChannelInactive()
    }
}
