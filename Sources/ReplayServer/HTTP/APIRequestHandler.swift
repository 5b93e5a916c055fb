import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypesHTTP1
import ReplayJournal

/// Answers the TikTok Shop API requests of one connection on its event loop, with no task and
/// no hop: the body is gathered as it is read, the gateway, the answer's sources and the
/// journal's queue are synchronous (``APIResponder``), and the answer is written as soon as
/// the journal lets it go. Admin requests (`/__admin/`) are passed on to the admin API
/// (Hummingbird, after this handler).
///
/// Answers keep the order of the requests: an answer waits until every answer before it is
/// written, and the admin API's answer parts are held while an API answer before them is not
/// ready. With too many requests waiting for their answers, or answers waiting for a client
/// that does not read them, the connection holds back: requests already read wait, unanswered,
/// and nothing more is read, so that a client that sends and never reads costs bounded memory.
///
/// Bound to the connection's event loop; sits right after ``RequestGate``.
final class APIRequestHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    /// What is done with an API request's turn once its answer may go.
    private enum Ready {
        case answer(HTTPResponseHead, AnswerBytes)
        /// An answer to a plain request, its head already encoded (``PlainRequestReader``).
        case encoded(ByteBuffer, AnswerBytes)
        case hangUp
    }

    /// A request whose answer is not yet written, in the order of the requests.
    private enum Turn {
        /// An API request, numbered on its connection; its answer once it may go.
        case api(Int, Ready?)
        /// A request passed on to the admin API, which writes its own answer.
        case admin
    }

    /// Something that came while the connection held back.
    private enum Arrival {
        case part(HTTPServerRequestPart)
        case bodyError(RequestBodyError)
    }

    /// The request being read.
    private enum Reading {
        case api(APIRequest, turn: Int)
        case admin
        /// The rest of a request already answered (its headers or body refused).
        case discarding
    }

    /// Requests read and not yet answered, at most, before the connection stops reading.
    static let maxTurns = 64

    private let api: APIResponder
    private var context: ChannelHandlerContext?
    private var turns = CircularBuffer<Turn>()
    private var reading: Reading?
    private var nextTurn = 0
    /// Parts of an admin answer written while an answer before it is not.
    private var heldAdminParts: [(part: HTTPServerResponsePart, promise: EventLoopPromise<Void>?)] = []
    /// Whether a read was held back because too many answers are awaited.
    private var readHeld = false
    /// What came while the connection held back (requests already read off the socket), in order.
    private var heldArrivals = CircularBuffer<Arrival>()
    /// Whether the held arrivals are being handled (an answer written meanwhile does not start again).
    private var goingOn = false
    private var date = HTTPDate()
    /// What waits for every request read so far to be answered (``whenAnswersWritten(_:)``).
    private var answersWritten: [() -> Void] = []
    /// The reader of plain requests, while it reads them: the answers go through it, encoded
    /// here. (Plain requests and the decoder's never wait at once: it takes over only once
    /// every plain request is answered.)
    var plainReader: PlainRequestReader?

    init(api: APIResponder) {
        self.api = api
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        heldArrivals.removeAll()
        answersWritten.removeAll()
        plainReader = nil
        let held = heldAdminParts
        heldAdminParts = []
        for (_, promise) in held { promise?.fail(ChannelError.ioOnClosedChannel) }
    }

    // MARK: - Requests

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        // A request that comes while the connection holds back waits, with all that follows it.
        if !heldArrivals.isEmpty || (part.isHead && mustHoldReads(context)) {
            heldArrivals.append(.part(part))
            return
        }
        handle(part, context)
    }

    private func handle(_ part: HTTPServerRequestPart, _ context: ChannelHandlerContext) {
        let data = wrapInboundOut(part)
        switch part {
        case .head(let head):
            let target = RequestTarget(head.uri)
            if target.path.hasPrefix(AdminResponder.prefix) {
                turns.append(.admin)
                reading = .admin
                context.fireChannelRead(data)
                return
            }
            // A head HTTP types cannot hold (a method they refuse) ends the connection, unanswered.
            guard let converted = try? APIRequestHead(head, target: target) else {
                reading = .discarding
                context.close(promise: nil)
                return
            }
            begin(converted, contentLength: head.headers.first(name: "content-length").flatMap(Int.init))
        case .body(let bytes):
            switch reading.take() {
            case .admin:
                reading = .admin
                context.fireChannelRead(data)
            case .api(var request, let turn):
                if request.body.count + bytes.readableBytes > api.maxBodyBytes {
                    reading = .discarding
                    respond(to: request, turn: turn, rejection: api.bodyTooLarge)
                    return
                }
                request.body.append(contentsOf: bytes.readableBytesView)
                reading = .api(request, turn: turn)
            case .discarding:
                reading = .discarding
            case nil:
                break
            }
        case .end:
            switch reading.take() {
            case .admin:
                context.fireChannelRead(data)
            case .api(let request, let turn):
                respond(to: request, turn: turn, rejection: nil)
            case .discarding, nil:
                break
            }
        }
    }

    /// Starts an API request's turn from its head: its body is read next, unless the head is refused.
    private func begin(_ head: APIRequestHead, contentLength: Int?) {
        let turn = nextTurn
        nextTurn += 1
        turns.append(.api(turn, nil))
        var request = api.begin(head)
        if let rejection = api.headRejection(request) {
            reading = .discarding
            respond(to: request, turn: turn, rejection: rejection)
            return
        }
        // A client that waits to be told to send its body is told no at once when it declares
        // more than the limit (the others are refused as the bytes pass the limit).
        if let contentLength, contentLength > api.maxBodyBytes,
            head.headerFields[values: .expect].contains(where: { $0.lowercased() == "100-continue" })
        {
            reading = .discarding
            respond(to: request, turn: turn, rejection: api.bodyTooLarge)
            return
        }
        if let contentLength, contentLength > 0 {
            request.body.reserveCapacity(min(contentLength, api.maxBodyBytes))
        }
        reading = .api(request, turn: turn)
    }

    // MARK: - Plain requests (from PlainRequestReader)

    /// Whether a request read whole from the bytes may be handled now: the connection does not
    /// hold back, and no request read by the decoder is in the way.
    var takesRequestsNow: Bool {
        guard let context else { return false }
        return heldArrivals.isEmpty && reading == nil && !mustHoldReads(context)
    }

    /// The most bytes a request's body may have.
    var maxBodyBytes: Int { api.maxBodyBytes }

    /// Handles an API request read whole from the bytes, as its parts would be handled.
    func read(_ head: APIRequestHead, body: [UInt8]) {
        begin(head, contentLength: nil)
        switch reading.take() {
        case .api(var request, let turn):
            request.body = body
            respond(to: request, turn: turn, rejection: nil)
        case .admin, .discarding, nil:
            break
        }
    }

    /// Runs `action` once every request read so far is answered (at once when none waits).
    func whenAnswersWritten(_ action: @escaping () -> Void) {
        guard !turns.isEmpty else { return action() }
        answersWritten.append(action)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let bodyError = error as? RequestBodyError {
            // It belongs to the request being read: the last of those waiting, if any wait.
            if !heldArrivals.isEmpty {
                heldArrivals.append(.bodyError(bodyError))
                return
            }
            if handle(bodyError) { return }
        }
        context.fireErrorCaught(error)
    }

    /// Answers the request being read with why its body cannot be read; false when it is not
    /// an API request (the admin API's body read fails with the error instead).
    private func handle(_ bodyError: RequestBodyError) -> Bool {
        switch reading {
        case .api(let request, let turn):
            // The body read fails (too slow, broken): the request is answered with why.
            reading = .discarding
            respond(to: request, turn: turn, rejection: bodyError.apiError)
            return true
        case .discarding:
            return true
        case .admin, nil:
            return false
        }
    }

    /// Answers an API request and journals it; its answer is written once the journal lets it go.
    private func respond(to request: consuming APIRequest, turn: Int, rejection: APIError?) {
        guard let context else { return }
        let loop = context.eventLoop
        let handler = NIOLoopBound(self, eventLoop: loop)
        api.respond(to: request, rejection: rejection) { reply in
            if loop.inEventLoop {
                handler.value.replied(reply, turn: turn)
            } else {
                loop.execute { handler.value.replied(reply, turn: turn) }
            }
        }
    }

    private func replied(_ reply: APIResponder.Reply, turn: Int) {
        guard let context else { return }
        let ready: Ready
        let status = HTTPResponseStatus(statusCode: reply.status)
        if reply.hangsUp {
            ready = .hangUp
        } else if plainReader != nil, status.mayHaveResponseBody {
            // As NIO's encoder writes it (whose framing an answer with no body would change: it goes there).
            var head = context.channel.allocator.buffer(capacity: 256)
            head.writeStaticString("HTTP/1.1 ")
            head.writeString(String(status.code))
            head.writeStaticString(" ")
            head.writeString(status.reasonPhrase)
            head.writeStaticString("\r\n")
            forEachField(of: reply) { name, value in
                head.writeString(name)
                head.writeStaticString(": ")
                head.writeString(value)
                head.writeStaticString("\r\n")
            }
            head.writeStaticString("\r\n")
            ready = .encoded(head, reply.body)
        } else {
            var headers = HTTPHeaders()
            headers.reserveCapacity(reply.headers.count + 3)
            forEachField(of: reply) { name, value in headers.add(name: name, value: value) }
            ready = .answer(HTTPResponseHead(version: .http1_1, status: status, headers: headers), reply.body)
        }
        guard let delay = reply.delay else {
            answerReady(ready, turn: turn)
            return
        }
        let (seconds, attoseconds) = delay.components
        let wait = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        context.eventLoop.assumeIsolated().scheduleTask(in: wait) {
            self.answerReady(ready, turn: turn)
        }
    }

    /// The fields of an answer's head, in order: its own, but those the server sets itself,
    /// which come last, once.
    private func forEachField(of reply: APIResponder.Reply, _ body: (String, String) -> Void) {
        for field in reply.headers where !Self.setByServer.contains(field.name) {
            body(field.name.rawName, field.value)
        }
        body("content-length", String(reply.body.count))
        body("date", date.now())
        body("server", Self.serverName)
    }

    private func answerReady(_ ready: Ready, turn: Int) {
        guard let index = turns.firstIndex(where: { if case .api(turn, nil) = $0 { true } else { false } }) else { return }
        turns[index] = .api(turn, ready)
        writeDueAnswers()
    }

    // MARK: - Answers in order

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Only the admin API writes through here: its answer goes now if it is due, else it waits.
        let part = unwrapOutboundIn(data)
        guard case .admin = turns.first, heldAdminParts.isEmpty else {
            heldAdminParts.append((part, promise))
            return
        }
        context.write(data, promise: promise)
        if case .end = part {
            turns.removeFirst()
            writeDueAnswers()
        }
    }

    func read(context: ChannelHandlerContext) {
        if mustHoldReads(context) {
            readHeld = true
        } else {
            context.read()
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        goOn(context)
        context.fireChannelWritabilityChanged()
    }

    /// Whether the connection reads no more for now: too many answers are awaited, or those
    /// written wait for a client that does not read them (past the channel's high-water mark),
    /// so that a client that sends and never reads holds a bounded amount of memory.
    private func mustHoldReads(_ context: ChannelHandlerContext) -> Bool {
        turns.count >= Self.maxTurns || !context.channel.isWritable
    }

    /// Handles what waited while the connection held back, up to the next request it must
    /// still hold, then reads again.
    private func goOn(_ context: ChannelHandlerContext) {
        guard !goingOn else { return }
        goingOn = true
        var handled = false
        defer {
            goingOn = false
            // The admin API's channel hands requests on once a read is complete: what waited was
            // read long ago, and no read may come to complete it (the client waits for its answers).
            if handled { context.fireChannelReadComplete() }
        }
        while let first = heldArrivals.first {
            if case .part(let part) = first, part.isHead, mustHoldReads(context) { return }
            heldArrivals.removeFirst()
            handled = true
            switch first {
            case .part(let part): handle(part, context)
            case .bodyError(let error): if !handle(error) { context.fireErrorCaught(error) }
            }
        }
        guard readHeld, !mustHoldReads(context) else { return }
        readHeld = false
        context.read()
    }

    /// Writes the answers that are ready, in order, up to the first that is not.
    private func writeDueAnswers() {
        guard let context else { return }
        var wrote = false
        written: while let first = turns.first {
            switch first {
            case .api(_, nil):
                break written
            case .api(_, .hangUp?):
                turns.removeFirst()
                // Every answer before it goes out first, the admin API's too (written, maybe not flushed).
                context.flush()
                context.close(promise: nil)
                return
            case .api(_, .answer(let head, let body)?):
                turns.removeFirst()
                context.write(wrapOutboundOut(.head(head)), promise: nil)
                body.forEachBuffer { context.write(wrapOutboundOut(.body(.byteBuffer($0))), promise: nil) }
                context.write(wrapOutboundOut(.end(nil)), promise: nil)
                wrote = true
            case .api(_, .encoded(let head, let body)?):
                turns.removeFirst()
                plainReader?.write(head: head, body: body)
                wrote = true
            case .admin:
                guard let end = heldAdminParts.firstIndex(where: { if case .end = $0.part { true } else { false } }) else {
                    // Part of the admin answer may be held: it goes now, the rest as it comes.
                    for (part, promise) in heldAdminParts { context.write(wrapOutboundOut(part), promise: promise) }
                    wrote = wrote || !heldAdminParts.isEmpty
                    heldAdminParts.removeAll()
                    break written
                }
                for (part, promise) in heldAdminParts[...end] { context.write(wrapOutboundOut(part), promise: promise) }
                heldAdminParts.removeFirst(end + 1)
                turns.removeFirst()
                wrote = true
            }
        }
        if wrote { context.flush() }
        goOn(context)
        if turns.isEmpty, !answersWritten.isEmpty {
            // Not from within this call: what runs may read requests, whose answers come here.
            let actions = answersWritten
            answersWritten = []
            context.eventLoop.assumeIsolated().execute { for action in actions { action() } }
        }
    }

    /// The `Server` header's value.
    static let serverName = "tts-replay"

    /// The headers every answer gets from the server, in place of any the answer had.
    private static let setByServer: [HTTPField.Name] = [.contentLength, .date, .server]
}

@available(*, unavailable)
extension APIRequestHandler: Sendable {}

extension HTTPServerRequestPart {
    /// Whether the part starts a request.
    fileprivate var isHead: Bool {
        if case .head = self { true } else { false }
    }
}
