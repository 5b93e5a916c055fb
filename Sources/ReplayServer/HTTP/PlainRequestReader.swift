import NIOCore
import ReplayJournal

/// Reads a connection's plain API requests straight from its bytes (``PlainRequestParser``)
/// and hands each, whole, to the ``APIRequestHandler``: NIO's HTTP/1 decoder, the
/// ``RequestGate`` and the conversion of NIO's head are skipped for them. The first request
/// that is not plain (its head not whole after two reads, or its body not whole with its head,
/// count as not plain), and every byte after it, go to the decoder instead, for the rest of
/// the connection: refusals, framing, limits and persistence stay the decoder's and the gate's.
/// So does the start of a head when the client closes its side.
///
/// The decoder takes over only once every answer to the requests read here is written, so
/// that the gate, which answers some requests itself, answers them in order; meanwhile the
/// connection reads nothing more, and the bytes already read wait.
///
/// Bound to the connection's event loop; sits right after the ``ConnectionGuard``.
final class PlainRequestReader: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = IOData
    typealias OutboundOut = IOData

    private enum Mode {
        /// Plain requests are read here.
        case reading
        /// The decoder is to take over once the answers to the requests read here are written.
        case handingOver
        /// Every byte goes to the decoder.
        case decoding
    }

    private let connection: ConnectionGuard
    private let api: APIRequestHandler
    private var mode = Mode.reading
    /// Bytes read and not yet handled: the start of a head (reading), or what the decoder is to
    /// take (handing over).
    private var unread: ByteBuffer?
    /// Whether the client closed its side while the decoder was to take over.
    private var inputClosedHeld = false
    /// Whether a read was held back while the decoder was to take over.
    private var readHeld = false
    private var context: ChannelHandlerContext?

    init(connection: ConnectionGuard, api: APIRequestHandler) {
        self.connection = connection
        self.api = api
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        unread = nil
        api.plainReader = nil
    }

    /// Writes the answer to a plain request, its head encoded by the API handler, which flushes it.
    func write(head: ByteBuffer, body: AnswerBytes) {
        guard let context else { return }
        context.write(wrapOutboundOut(.byteBuffer(head)), promise: nil)
        body.forEachBuffer { context.write(wrapOutboundOut(.byteBuffer($0)), promise: nil) }
        connection.answerPassedOn(closing: false)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch mode {
        case .decoding:
            context.fireChannelRead(data)
        case .handingOver:
            var bytes = unwrapInboundIn(data)
            if unread == nil {
                unread = bytes
            } else {
                unread?.writeBuffer(&bytes)
            }
        case .reading:
            var bytes = unwrapInboundIn(data)
            if var start = unread.take() {
                // A head came in two reads: the second is the last tried here, so that a client
                // sending a byte at a time costs one pass over its head, not one per byte.
                start.writeBuffer(&bytes)
                read(&start, context, secondTry: true)
            } else {
                read(&bytes, context, secondTry: false)
            }
        }
    }

    /// Hands the plain requests at the start of `bytes` to the API handler, and the rest to the decoder.
    private func read(_ bytes: inout ByteBuffer, _ context: ChannelHandlerContext, secondTry: Bool) {
        while bytes.readableBytes > 0 {
            guard !connection.isRefused, api.takesRequestsNow else { return handOver(bytes, context) }
            let outcome = bytes.withUnsafeReadableBytes { PlainRequestParser.parse($0, maxBodyBytes: api.maxBodyBytes) }
            switch outcome {
            case .request(let head, let body, let length):
                let bodyBytes = bytes.getBytes(at: bytes.readerIndex + body.lowerBound, length: body.count) ?? []
                bytes.moveReaderIndex(forwardBy: length)
                connection.requestHeadRead()
                connection.requestEndRead()
                api.read(head, body: bodyBytes)
            case .incomplete where !secondTry:
                unread = bytes
                return
            case .incomplete, .notPlain:
                return handOver(bytes, context)
            }
        }
    }

    /// Leaves the rest of the connection to the decoder, once the answers to the requests read here are written.
    private func handOver(_ bytes: ByteBuffer, _ context: ChannelHandlerContext) {
        mode = .handingOver
        unread = bytes
        let reader = NIOLoopBound(self, eventLoop: context.eventLoop)
        api.whenAnswersWritten { reader.value.decoderTakesOver() }
    }

    private func decoderTakesOver() {
        guard let context, mode == .handingOver else { return }
        mode = .decoding
        api.plainReader = nil
        if let bytes = unread.take(), bytes.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(bytes)) }
        if inputClosedHeld {
            // Held again, as the guard holds it, while the requests just read wait for their answers.
            inputClosedHeld = false
            connection.inputClosedAfterHandover()
        }
        // The admin API's channel hands requests on once a read is complete.
        context.fireChannelReadComplete()
        if readHeld {
            readHeld = false
            context.read()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed {
            // The start of a head the client will not finish: the decoder's to answer (400).
            if mode == .reading, let start = unread.take() { handOver(start, context) }
            if mode == .handingOver {
                inputClosedHeld = true
                return
            }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func read(context: ChannelHandlerContext) {
        if mode == .handingOver {
            readHeld = true
        } else {
            context.read()
        }
    }
}

@available(*, unavailable)
extension PlainRequestReader: Sendable {}
