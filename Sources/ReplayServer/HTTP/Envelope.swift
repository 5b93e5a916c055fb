import Foundation

/// The TikTok Shop response envelope: `{code, message, request_id, data}`.
///
/// Successes carry `code` 0, `message` "Success" and a `data` object; errors carry their code,
/// message and `"data": null`, as observed on the live API. Keys are sorted, so equal answers
/// are equal bytes and journals of two runs compare equal.
struct Envelope<Payload: Encodable>: Encodable {
    var code: Int
    var message: String
    var requestID: String
    var data: Payload?

    enum CodingKeys: String, CodingKey {
        case code, message, data
        case requestID = "request_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(requestID, forKey: .requestID)
        if let data {
            try container.encode(data, forKey: .data)
        } else {
            try container.encodeNil(forKey: .data)
        }
    }

    /// The envelope as JSON bytes.
    func encoded() -> [UInt8] {
        JSONBytes.encode(self)
    }
}

/// The one way the API side writes JSON: sorted keys, slashes unescaped. A recorded body
/// replayed from a cassette is written the same way, so it comes back as the bytes it was.
enum JSONBytes {
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Every payload is a plain value tree of strings, numbers and arrays; encoding cannot fail.
        return Array((try? encoder.encode(value)) ?? Data())
    }
}

/// The placeholder payload type of an error envelope.
struct NoPayload: Encodable {}

extension APIError {
    /// This error as an envelope.
    func envelope(requestID: String) -> Envelope<NoPayload> {
        Envelope(code: code, message: message, requestID: requestID, data: nil)
    }
}
