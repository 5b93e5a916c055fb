import NIOCore
import NIOHTTP1

/// The guard of one connection, first in its pipeline where bytes are still bytes: the
/// deadlines while the server waits for the client, the connection's place under the cap, and
/// answers written straight on the wire when HTTP cannot carry them. Bound to the connection's
/// event loop; ``RequestGate`` tells it where each request stands.
///
/// The server waits for its client in three ways, each with its own deadline:
/// - for the next request (right after the connection opens, or after its last answer): idle;
/// - for the rest of a head whose first bytes came: head;
/// - for the body of the request being answered: body, counted from its head.
///
/// While the server works on an answer, no clock runs. Idle and head deadlines close the
/// connection without an answer (no request was read); the body deadline fails the body read,
/// so that the request is answered 408 and journaled, then the connection closes.
///
/// An answer counts as written once its last byte has left for the socket. Answers are
/// confirmed at each flush, all at once: when the flush wrote everything, at once; else by an
/// empty write after them, whose promise completes once they are written. No promise is made
/// for each answer: one each cost about 1 µs of a cassette hit's 45 (2 µs with a fixed answer).
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    /// What the server waits for.
    private enum Wait {
        case nextRequest, head, body
    }

    private let limits: TransportLimits
    private let table: ConnectionTable
    private var context: ChannelHandlerContext?
    private var ticket: ConnectionTable.Ticket?
    /// Whether the connection came past the cap with no place to take: its first request is answered 503.
    private(set) var isRefused = false

    /// Requests read and passed on whose answers are not yet written.
    private var requestsOpen = 0
    /// Answers passed on to the socket and not yet confirmed written (see ``flush(context:)``).
    private var answersUnconfirmed = 0
    /// Whether one of them is the connection's last.
    private var closesAfterUnconfirmed = false
    /// Whether a head was read and the end of its body was not.
    private var readingBody = false
    /// Whether bytes came since the last request ended: the next head has begun.
    private var headBegun = false
    /// Whether the connection closes once its open requests are answered.
    private var closesWhenAnswered = false
    /// Whether bytes that come are dropped: the connection is closing, or a body was too slow.
    private var ignoresInput = false
    /// Whether the connection is closing.
    private var finishing = false
    /// Whether the client has closed its side.
    private var inputClosed = false
    /// Whether the rest of the pipeline is yet to learn it: not while answers are still to be
    /// written (``userInboundEventTriggered(context:event:)``).
    private var inputClosedHeld = false

    private var wait: Wait?
    /// When the current wait ends; nil while the server works on an answer.
    private var deadline: NIODeadline?
    /// The one timer of the connection, and when it fires. It is moved only to fire earlier: a
    /// wait that ends later leaves it be, and it arms itself again for the later deadline when it
    /// fires, so that a request on a kept-alive connection schedules about one timer, not three.
    private var timer: Scheduled<Void>?
    private var timerFiresAt: NIODeadline?

    init(limits: TransportLimits, table: ConnectionTable) {
        self.limits = limits
        self.table = table
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { admit(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        leave()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        admit(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        leave()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if ignoresInput { return }
        if !readingBody, !headBegun {
            headBegun = true
            update()
        }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let event = event as? ChannelEvent, event == .inputClosed else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        inputClosed = true
        passOnInputClosed(context)
    }

    /// The client's side closed while the ``PlainRequestReader`` handed the connection over to
    /// NIO's decoder: the reader held it back until the decoder took over, and the requests it
    /// then read wait for their answers too.
    func inputClosedAfterHandover() {
        guard let context else { return }
        passOnInputClosed(context)
    }

    private func passOnInputClosed(_ context: ChannelHandlerContext) {
        // The client closed its side after reading the last answer: nothing left to linger for.
        if finishing {
            context.close(promise: nil)
            return
        }
        // The client sent its requests and closed its side, and waits for the answers: the
        // rest of the pipeline (whose admin API closes the connection once its input ends)
        // learns it once they are written. (Not while a body is read: it will not come, and
        // the decoder answers that at once, after the answers before it; the request gate then
        // keeps the end of input from the admin API's channel.)
        if requestsOpen > 0, !readingBody {
            inputClosedHeld = true
            return
        }
        context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
    }

    // MARK: - Where the requests stand (from RequestGate)

    /// A request head was read and passed on.
    func requestHeadRead() {
        requestsOpen += 1
        readingBody = true
        headBegun = false
        update()
    }

    /// The end of the request being read was read.
    func requestEndRead() {
        readingBody = false
        headBegun = false
        update()
    }

    /// An answer's last part was passed on: it counts as written once a flush has written it.
    /// - Parameter closing: Whether it is the connection's last, which closes once it is written.
    func answerPassedOn(closing: Bool) {
        answersUnconfirmed += 1
        closesAfterUnconfirmed = closesAfterUnconfirmed || closing
    }

    func flush(context: ChannelHandlerContext) {
        context.flush()
        confirmAnswers(context)
    }

    /// Confirms the answers passed on before a flush: at once when the flush wrote every byte
    /// the connection held, else once an empty write after them completes (writes complete in order).
    private func confirmAnswers(_ context: ChannelHandlerContext) {
        guard answersUnconfirmed > 0 else { return }
        let (count, closing) = (answersUnconfirmed, closesAfterUnconfirmed)
        answersUnconfirmed = 0
        closesAfterUnconfirmed = false
        // Unknown (-1) once the channel is closed: the empty write then fails, which confirms them.
        let buffered = (try? context.channel.syncOptions?.getOption(ChannelOptions.bufferedWritableBytes)) ?? -1
        if buffered == 0 {
            answersWritten(count, closing: closing)
            return
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        written.futureResult.assumeIsolated().whenComplete { _ in self.answersWritten(count, closing: closing) }
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(ByteBuffer())), promise: written)
    }

    /// Answers' last bytes were written (or the connection failed before they could be).
    private func answersWritten(_ count: Int, closing: Bool) {
        requestsOpen -= count
        if closing || (closesWhenAnswered && requestsOpen == 0) {
            finish()
        } else {
            update()
        }
        if inputClosedHeld, requestsOpen == 0, !finishing, let context {
            inputClosedHeld = false
            context.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        }
    }

    /// Writes a whole HTTP answer as bytes (for a request the HTTP layers never saw, or cannot
    /// answer with a body, such as CONNECT), then closes the connection.
    func answerOnTheWire(status: Int, body: [UInt8]) {
        guard let context, !finishing else { return }
        finishing = true
        ignoresInput = true
        update()
        let reason = HTTPResponseStatus(statusCode: status).reasonPhrase
        var bytes = context.channel.allocator.buffer(capacity: body.count + 128)
        bytes.writeString("HTTP/1.1 \(status) \(reason)\r\ncontent-type: application/json\r\ncontent-length: \(body.count)\r\n")
        bytes.writeString("connection: close\r\n\r\n")
        bytes.writeBytes(body)
        context.writeAndFlush(wrapOutboundOut(.byteBuffer(bytes))).assumeIsolated().whenComplete { _ in self.closeAfterLinger() }
    }

    /// Closes the connection after its last answer: the output at once, the whole connection
    /// when the client closes its side or the linger passes.
    func finish() {
        guard !finishing else { return }
        finishing = true
        ignoresInput = true
        update()
        closeAfterLinger()
    }

    // MARK: - Clock

    /// Starts, keeps or stops the clock for what the server now waits for.
    private func update() {
        let next: Wait?
        if ignoresInput {
            next = nil
        } else if readingBody {
            // A body counts once its request is the one being answered.
            next = requestsOpen <= 1 ? .body : nil
        } else if requestsOpen > 0 {
            next = nil
        } else {
            next = headBegun ? .head : .nextRequest
        }
        guard next != wait else { return }
        let waitedForClient = wait == .nextRequest || wait == .head
        wait = next
        let waitsForClient = next == .nextRequest || next == .head
        if let ticket, waitsForClient || waitedForClient {
            table.setWaiting(ticket, since: waitsForClient ? .now() : nil)
        }
        guard let next, let context else {
            deadline = nil
            return
        }
        let limit: TimeAmount
        switch next {
        case _ where isRefused: limit = limits.refusalGrace
        case .nextRequest: limit = limits.idle
        case .head: limit = limits.head
        case .body: limit = limits.body
        }
        let due = NIODeadline.now() + limit
        deadline = due
        if let firesAt = timerFiresAt, firesAt <= due { return }
        arm(at: due, context)
    }

    private func arm(at due: NIODeadline, _ context: ChannelHandlerContext) {
        timer?.cancel()
        timerFiresAt = due
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: due) { self.fire() }
    }

    /// The timer fired: the wait is over if its deadline has come; otherwise a later wait took
    /// its place, and the timer arms itself for it.
    private func fire() {
        timer = nil
        timerFiresAt = nil
        guard let due = deadline, let waited = wait, let context else { return }
        if NIODeadline.now() < due {
            arm(at: due, context)
            return
        }
        expire(waited, context)
    }

    private func expire(_ waited: Wait, _ context: ChannelHandlerContext) {
        switch waited {
        case .nextRequest, .head:
            context.close(promise: nil)
        case .body:
            // Nothing more is read. The body read in progress fails, so that its request is
            // answered (408); that answer closes the connection.
            ignoresInput = true
            closesWhenAnswered = true
            update()
            context.fireErrorCaught(RequestBodyError.timedOut(after: limits.body))
            if requestsOpen == 0 { finish() }
        }
    }

    // MARK: - Cap

    private func admit(_ context: ChannelHandlerContext) {
        guard ticket == nil, !isRefused else { return }
        let guarded = NIOLoopBound(self, eventLoop: context.eventLoop)
        let loop = context.eventLoop
        ticket = table.admit { loop.execute { guarded.value.evict() } }
        isRefused = ticket == nil
        update()
    }

    /// Closes the connection if it still waits for its client (it may have sent a head since it was picked).
    private func evict() {
        guard wait == .nextRequest || wait == .head, let context else { return }
        context.close(promise: nil)
    }

    private func leave() {
        timer?.cancel()
        timer = nil
        timerFiresAt = nil
        deadline = nil
        wait = nil
        if let ticket { table.remove(ticket) }
        ticket = nil
    }

    // MARK: - Closing

    private func closeAfterLinger() {
        guard let context else { return }
        let channel = context.channel
        if inputClosed {
            channel.close(promise: nil)
            return
        }
        channel.close(mode: .output, promise: nil)
        channel.eventLoop.scheduleTask(in: limits.linger) { channel.close(promise: nil) }
    }
}

@available(*, unavailable)
extension ConnectionGuard: Sendable {}
