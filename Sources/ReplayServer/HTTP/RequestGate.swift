import NIOCore
import NIOHTTP1

/// Looks at each request as the HTTP parser hands it over, before the application does, and
/// keeps the answers in order:
/// - a request that is not valid HTTP/1.1 (the parser fails, CONNECT, no Host or two) is
///   answered 400 with an envelope and journaled, after the requests pipelined before it, and
///   the connection closes: nothing after it can be trusted;
/// - a connection refused at the cap has its first request answered 503;
/// - a request that does not keep the connection alive (`Connection: close`, HTTP/1.0 without
///   `keep-alive`, an `Upgrade`) is the connection's last: its answer says so, nothing after
///   it is read, and the connection closes once it is written.
///
/// Bound to the connection's event loop; sits between the HTTP/1 decoder and the conversion to
/// HTTP types, and reports to the connection's ``ConnectionGuard``.
final class RequestGate: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// How an answer leaves the connection.
    private enum Persistence {
        case keepAlive
        /// Kept alive on an HTTP/1.0 request's asking: the answer says `connection: keep-alive`.
        case keepAliveHTTP10
        case close
    }

    /// A request answered here instead of by the application.
    private struct Refusal {
        var error: APIError
        var head: HTTPRequestHead?
    }

    private let api: APIResponder
    private let connection: ConnectionGuard
    /// The requests passed on and not yet answered, oldest first.
    private var pending: [Persistence] = []
    private var readingBody = false
    /// Whether the request being read is the connection's last.
    private var readingLast = false
    /// Set once nothing more is to be read: after a refusal, or after the request that closes the connection.
    private var stopped = false
    private var refusal: Refusal?
    /// The request being read asked to be told to send its body (`Expect: 100-continue`), and
    /// is told once every answer before it is written.
    private var continueOwed = false

    init(api: APIResponder, connection: ConnectionGuard) {
        self.api = api
        self.connection = connection
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if stopped { return }
        switch unwrapInboundIn(data) {
        case .head(let head):
            if let error = refusal(of: head) {
                refuse(Refusal(error: error, head: head))
                return
            }
            let persistence = Self.persistence(of: head)
            pending.append(persistence)
            readingBody = true
            readingLast = persistence == .close
            connection.requestHeadRead()
            // A body over the limit is refused from its head (413 at once), never asked for.
            continueOwed = Self.expectsContinue(head) && !Self.declaresMore(than: api.maxBodyBytes, head)
            context.fireChannelRead(data)
            sendContinueIfDue(context)
        case .body:
            context.fireChannelRead(data)
        case .end:
            readingBody = false
            continueOwed = false
            connection.requestEndRead()
            if readingLast { stopped = true }
            context.fireChannelRead(data)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        // Nothing more is read, and the connection closes once its last answer is written: the
        // admin API's channel, which closes the connection as soon as its input ends, does not
        // learn that the client closed its side, so that the answers still owed are not lost.
        // (The client closed it in a body: the parser has just failed that body, whose request
        // is answered after the others.)
        if stopped, event as? ChannelEvent == .some(.inputClosed) { return }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // Bytes that came after the request the parser failed, each read of them reported so:
        // nothing after that request is read. (Passed on, it would reach the admin API's channel,
        // which closes the connection on any error: the answers still owed would be lost.)
        if stopped, let decoderError = error as? ByteToMessageDecoderError, case .dataReceivedInErrorState = decoderError { return }
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        // A parser failing because the connection went away answers nobody.
        if stopped || !context.channel.isActive { return }
        if readingBody {
            // The request being read is the broken one: its body read fails, its answer says why, and it is the last.
            // (Answers go in order: when some are still to be written, the last is this one's.)
            stopped = true
            if pending.isEmpty { connection.finish() } else { pending[pending.count - 1] = .close }
            context.fireErrorCaught(RequestBodyError.malformed(reason: "\(parserError)"))
        } else {
            refuse(Refusal(error: APIError.malformedRequest.detailed("\(parserError)."), head: nil))
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head):
            switch pending.first {
            case .close: head.headers.replaceOrAdd(name: "connection", value: "close")
            case .keepAliveHTTP10: head.headers.replaceOrAdd(name: "connection", value: "keep-alive")
            case .keepAlive, nil:
                // Passed on as it came: unwrapped and wrapped again, a head is boxed again.
                context.write(data, promise: promise)
                return
            }
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            let persistence = pending.isEmpty ? Persistence.keepAlive : pending.removeFirst()
            connection.answerPassedOn(closing: persistence == .close)
            context.write(data, promise: promise)
            answerRefusalIfDue()
            sendContinueIfDue(context)
        }
    }

    // MARK: - Expect: 100-continue

    /// Tells the client to send its body (`100 Continue`), once the answers before its request
    /// are written: an interim answer must not overtake them.
    private func sendContinueIfDue(_ context: ChannelHandlerContext) {
        guard continueOwed, readingBody, pending.count == 1, !stopped || readingLast else { return }
        continueOwed = false
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .continue))), promise: nil)
    }

    private static func expectsContinue(_ head: HTTPRequestHead) -> Bool {
        head.version == .http1_1 && head.headers["expect"].contains { $0.lowercased() == "100-continue" }
    }

    /// Whether the head declares a body longer than `limit` (by its Content-Length).
    private static func declaresMore(than limit: Int, _ head: HTTPRequestHead) -> Bool {
        head.headers["content-length"].contains { Int($0).map { $0 > limit } ?? false }
    }

    // MARK: - Refusals

    /// Why a head is answered here, if it is.
    private func refusal(of head: HTTPRequestHead) -> APIError? {
        if connection.isRefused {
            return APIError.serverBusy
        }
        if head.method == .CONNECT {
            return APIError.malformedRequest.detailed("CONNECT is not supported: tts-replay is not a proxy.")
        }
        // Counted, not gathered: `headers["host"]` would make an array for every request.
        let hosts = head.headers.reduce(0) { count, field in count + (APIRequestHead.isHost(field.name) ? 1 : 0) }
        if hosts > 1 {
            return APIError.malformedRequest.detailed("the request has \(hosts) Host headers; it must have one.")
        }
        if hosts == 0, head.version.major == 1, head.version.minor >= 1 {
            return APIError.malformedRequest.detailed("the Host header is missing.")
        }
        return nil
    }

    private func refuse(_ refusal: Refusal) {
        stopped = true
        self.refusal = refusal
        answerRefusalIfDue()
    }

    /// Answers the refused request once every request before it is answered, so that answers
    /// stay in the order of the requests.
    private func answerRefusalIfDue() {
        guard let refusal, pending.isEmpty else { return }
        self.refusal = nil
        let answer = api.respondToRefusedRequest(refusal.error, head: refusal.head)
        // Straight on the wire: the HTTP encoder would drop the body of an answer to CONNECT.
        connection.answerOnTheWire(status: answer.status, body: answer.bytes)
    }

    private static func persistence(of head: HTTPRequestHead) -> Persistence {
        if !head.isKeepAlive || head.headers.contains(name: "upgrade") { return .close }
        return head.version == .http1_0 ? .keepAliveHTTP10 : .keepAlive
    }
}

@available(*, unavailable)
extension RequestGate: Sendable {}
