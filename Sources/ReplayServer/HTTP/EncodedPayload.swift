import Foundation
import ReplayJournal
import Scenarios

/// A payload already encoded as JSON (sorted keys, unescaped slashes, as ``JSONBytes`` writes
/// it), so that an answer that never changes is encoded once and served as bytes.
struct EncodedPayload: Encodable, Sendable {
    let bytes: [UInt8]
    /// Whether many answers carry these same bytes (the journal then stores them once).
    let isShared: Bool

    /// A payload many answers share, encoded once.
    init(_ payload: some Encodable) {
        self.bytes = JSONBytes.encode(payload)
        self.isShared = true
    }

    /// Bytes already written as ``JSONBytes`` writes them, which many answers share.
    init(encodedForManyAnswers bytes: [UInt8]) {
        self.bytes = bytes
        self.isShared = true
    }

    /// Writes the value again through an encoder, for the rare path that does not splice bytes.
    func encode(to encoder: any Encoder) throws {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes)).encode(to: encoder)
    }

    /// The success envelope around these bytes: what `Envelope(code: 0, ...)` encodes, spliced,
    /// with shared bytes kept by reference rather than copied (the journal stores them once).
    func successEnvelope(requestID: String) -> AnswerBytes {
        var tail = Array(#","message":"Success","request_id":"#.utf8)
        JSONString.append(requestID, to: &tail)
        tail.append(UInt8(ascii: "}"))
        guard isShared else { return AnswerBytes(Self.successHead + bytes + tail) }
        return AnswerBytes(head: Self.successHead, shared: bytes, tail: tail)
    }

    private static let successHead = Array(#"{"code":0,"data":"#.utf8)
}
