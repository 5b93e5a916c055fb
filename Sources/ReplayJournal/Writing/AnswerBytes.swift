package import NIOCore

/// An answer's body as the server built it: the bytes of this answer alone around a part that
/// many answers share (a recorded answer, an encoded category tree), held by reference.
///
/// The journal stores a large shared part once, by content hash, so a hot 70 KB answer costs
/// its own few bytes per entry, in the writer's queue and in the file.
package struct AnswerBytes: Sendable {
    /// The bytes before the shared part.
    var head: [UInt8]
    /// The part other answers share; the same storage each time.
    package var shared: [UInt8]
    /// The bytes after it.
    var tail: [UInt8]
    /// The shared part in a buffer of its own, made once with it: sent without a copy.
    var sharedBuffer: ByteBuffer?

    /// An answer of its own, nothing shared.
    package init(_ bytes: [UInt8]) {
        self.init(head: bytes, shared: [], tail: [])
    }

    /// - Parameter sharedBuffer: `shared` in a buffer, when the part keeps one: the answer is
    ///   then sent without copying it.
    package init(head: [UInt8], shared: [UInt8], tail: [UInt8], sharedBuffer: ByteBuffer? = nil) {
        self.head = head
        self.shared = shared
        self.tail = tail
        self.sharedBuffer = sharedBuffer
    }

    /// An answer that is the shared part whole.
    package static func shared(_ bytes: [UInt8]) -> AnswerBytes {
        AnswerBytes(head: [], shared: bytes, tail: [])
    }

    package var count: Int { head.count + shared.count + tail.count }

    /// The body in one buffer, to send.
    package func byteBuffer() -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(count)
        buffer.writeBytes(head)
        buffer.writeBytes(shared)
        buffer.writeBytes(tail)
        return buffer
    }

    /// Hands the body to `send` as the buffers to send in turn: the shared part's own buffer
    /// when it has one, between buffers of the bytes around it; else one buffer. No array of
    /// them is made for an answer.
    package func forEachBuffer(_ send: (ByteBuffer) -> Void) {
        guard let sharedBuffer else { return send(byteBuffer()) }
        if !head.isEmpty { send(ByteBuffer(bytes: head)) }
        send(sharedBuffer)
        if !tail.isEmpty { send(ByteBuffer(bytes: tail)) }
    }

    /// The body in one array.
    package func joined() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        bytes += head
        bytes += shared
        bytes += tail
        return bytes
    }
}
