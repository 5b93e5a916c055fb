import Foundation
import NIOCore
import ReplayJournal
import Scenarios

/// A payload already encoded as JSON (sorted keys, unescaped slashes, as ``JSONBytes`` writes
/// it), so that an answer that never changes is encoded once and served as bytes.
struct EncodedPayload: Encodable, Sendable {
    let bytes: [UInt8]
    /// The same bytes in a buffer, made once: many answers send it without copying it.
    let buffer: ByteBuffer

    /// A payload many answers share, encoded once.
    init(_ payload: some Encodable) {
        self.init(encodedForManyAnswers: JSONBytes.encode(payload))
    }

    /// Bytes already written as ``JSONBytes`` writes them, which many answers share.
    init(encodedForManyAnswers bytes: [UInt8]) {
        self.bytes = bytes
        self.buffer = ByteBuffer(bytes: bytes)
    }

    /// The memory the payload holds: its bytes, and the buffer that holds them again (its
    /// capacity, which NIO rounds up to a power of two: up to twice the bytes).
    var heldBytes: Int { bytes.count + buffer.capacity }

    /// Writes the value again through an encoder, for the rare path that does not splice bytes.
    func encode(to encoder: any Encoder) throws {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes)).encode(to: encoder)
    }

    /// The success envelope around these bytes: what `Envelope(code: 0, ...)` encodes, spliced,
    /// with the shared bytes kept by reference rather than copied (the journal stores them
    /// once, the answer sends their buffer).
    func successEnvelope(requestID: String) -> AnswerBytes {
        var tail = Array(#","message":"Success","request_id":"#.utf8)
        JSONString.append(requestID, to: &tail)
        tail.append(UInt8(ascii: "}"))
        return AnswerBytes(head: Self.successHead, shared: bytes, tail: tail, sharedBuffer: buffer)
    }

    private static let successHead = Array(#"{"code":0,"data":"#.utf8)
}
