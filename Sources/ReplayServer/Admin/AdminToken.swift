import Crypto
import HTTPTypes

/// The secret the admin API requires when one is set (always off loopback): sent as
/// `Authorization: Bearer <token>`, compared in constant time.
struct AdminToken: Sendable {
    private let digest: SHA256.Digest

    init(_ token: String) {
        self.digest = SHA256.hash(data: Array(token.utf8))
    }

    /// A new random token: 32 bytes from the system's generator, as 64 hex digits.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in
            let byte = UInt8.random(in: 0...255, using: &generator)
            return String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
        }.joined()
    }

    /// Whether `fields` carry the token. Both sides are hashed first, so the comparison takes
    /// the same time whatever the length or the first wrong byte of what was sent.
    func admits(_ fields: HTTPFields) -> Bool {
        guard let authorization = fields[.authorization], authorization.lowercased().hasPrefix("bearer ") else { return false }
        let sent = SHA256.hash(data: Array(authorization.dropFirst("bearer ".count).utf8))
        var difference: UInt8 = 0
        for (left, right) in zip(sent, digest) { difference |= left ^ right }
        return difference == 0
    }
}
