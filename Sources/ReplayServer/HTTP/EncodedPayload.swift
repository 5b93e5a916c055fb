import Foundation
import ReplayJournal
import Scenarios
import Synchronization

/// A payload already encoded as JSON (sorted keys, unescaped slashes, as ``JSONBytes`` writes
/// it), so that an answer that never changes is encoded once and served as bytes.
struct EncodedPayload: Encodable, Sendable {
    let bytes: [UInt8]

    init(_ payload: some Encodable) {
        self.bytes = JSONBytes.encode(payload)
    }

    /// Writes the value again through an encoder, for the rare path that does not splice bytes.
    func encode(to encoder: any Encoder) throws {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes)).encode(to: encoder)
    }

    /// The success envelope around these bytes: what `Envelope(code: 0, ...)` encodes, spliced,
    /// with these bytes shared rather than copied (the journal stores them once).
    func successEnvelope(requestID: String) -> AnswerBytes {
        var tail = Array(#","message":"Success","request_id":"#.utf8)
        tail += JSONBytes.encode(requestID)
        tail.append(UInt8(ascii: "}"))
        return AnswerBytes(head: Self.successHead, shared: bytes, tail: tail)
    }

    private static let successHead = Array(#"{"code":0,"data":"#.utf8)
}

/// Encoded answers that depend only on the scenario's data, by key.
final class EncodedAnswers: Sendable {
    private let answers = Mutex<[String: EncodedPayload]>([:])

    /// The encoded payload of a key, built and encoded the first time.
    func payload(for key: String, _ build: () -> some Encodable) -> EncodedPayload {
        if let known = answers.withLock({ $0[key] }) { return known }
        let encoded = EncodedPayload(build())
        answers.withLock { $0[key] = encoded }
        return encoded
    }
}
