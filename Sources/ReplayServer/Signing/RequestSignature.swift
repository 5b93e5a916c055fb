import Crypto
public import Foundation
import ReplayJournal
import Scenarios

/// The TikTok Shop request signature (`sign` query parameter), computed exactly as the
/// official `sign-your-api-request` page describes it.
///
/// 1. every query parameter except `sign` and `access_token`, decoded, sorted by name;
/// 2. `{name}{value}` concatenated with no separators, after the path;
/// 3. the raw body appended unless the body is `multipart/form-data`;
/// 4. wrapped as `secret + text + secret` and HMAC-SHA256'd with the secret, in lowercase hex.
///
/// The text is fed to the HMAC piece by piece; it is never built as a string.
///
/// ```swift
/// let sign = RequestSignature.sign(
///     path: "/authorization/202309/shops",
///     query: ["app_key": "29a39d", "timestamp": "1623812664"],
///     appSecret: "e59af819cc")
/// // b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8
/// ```
public enum RequestSignature {
    /// Signs a request.
    ///
    /// - Parameters:
    ///   - path: The path only, with its placeholders filled (no host, no query).
    ///   - query: The query parameters as sent, decoded; `sign` and `access_token` are left out.
    ///   - body: The raw body bytes, empty for GET.
    ///   - isMultipart: Whether the body is `multipart/form-data`, which is not signed.
    ///   - appSecret: The app secret.
    /// - Returns: The signature in lowercase hex.
    public static func sign(
        path: String,
        query: [String: String],
        body: some DataProtocol = Data(),
        isMultipart: Bool = false,
        appSecret: String
    ) -> String {
        sign(path: path, pairs: query.map { ($0.key, $0.value) }, body: body, isMultipart: isMultipart, key: Key(appSecret: appSecret))
    }

    /// The app secret made ready to sign with: HMAC-SHA256's two keyed hash states (RFC 2104:
    /// the key padded to a block, XORed with `ipad` and `opad`) are computed once, not for
    /// every request, and each request's text is fed to copies of them through swift-crypto's
    /// non-generic `update(bufferPointer:)`.
    struct Key: Sendable {
        let secret: [UInt8]
        private let inner: SHA256
        private let outer: SHA256

        init(appSecret: String) {
            self.secret = Array(appSecret.utf8)
            let blockSize = SHA256.blockByteCount
            var block = secret.count > blockSize ? Array(SHA256.hash(data: secret)) : secret
            block += [UInt8](repeating: 0, count: blockSize - block.count)
            var inner = SHA256()
            var outer = SHA256()
            block.map { $0 ^ 0x36 }.withUnsafeBytes { inner.update(bufferPointer: $0) }
            block.map { $0 ^ 0x5C }.withUnsafeBytes { outer.update(bufferPointer: $0) }
            self.inner = inner
            self.outer = outer
        }

        /// Hands HMAC-SHA256 of `message` with the secret, as bytes, to `use`.
        func withAuthenticationCode<Result>(of message: UnsafeRawBufferPointer, _ use: (UnsafeRawBufferPointer) -> Result) -> Result {
            var inner = self.inner
            inner.update(bufferPointer: message)
            var outer = self.outer
            inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
            return outer.finalize().withUnsafeBytes(use)
        }
    }

    /// Signs a request with a key made ready once; pairs with the same name keep their order.
    static func sign(
        path: String,
        pairs: [(name: String, value: String)],
        body: some DataProtocol,
        isMultipart: Bool,
        key: Key
    ) -> String {
        withAuthenticationCode(path: path, pairs: pairs, body: body, isMultipart: isMultipart, key: key) { Hex.lowercase($0) }
    }

    /// Whether `given` is the request's sign (hex, either case), compared in time that depends
    /// on its length only; the expected sign is not written out as text.
    static func isSign(
        _ given: String,
        path: String,
        pairs: [(name: String, value: String)],
        body: some DataProtocol,
        isMultipart: Bool,
        key: Key
    ) -> Bool {
        withAuthenticationCode(path: path, pairs: pairs, body: body, isMultipart: isMultipart, key: key) {
            Hex.constantTimeEquals(given, hexOf: $0)
        }
    }

    /// The signed text gathered in scratch memory (on the stack when small) and authenticated
    /// in one call: no array is made per request.
    private static func withAuthenticationCode<Result>(
        path: String,
        pairs: [(name: String, value: String)],
        body: some DataProtocol,
        isMultipart: Bool,
        key: Key,
        _ use: (UnsafeRawBufferPointer) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: pairs.count) { positions in
            // The signed pairs by position, sorted by name and then by position: no array of
            // tuples is built and sorted (its generic copies cost more than the hash).
            var signed = 0
            for index in pairs.indices where !RequestParameter.isUnsigned(pairs[index].name) {
                positions.initializeElement(at: signed, to: index)
                signed += 1
            }
            var order = UnsafeMutableBufferPointer(rebasing: positions[..<signed])
            order.sort { pairs[$0].name == pairs[$1].name ? $0 < $1 : pairs[$0].name < pairs[$1].name }
            let bodyCount = isMultipart ? 0 : body.count
            let length =
                2 * key.secret.count + path.utf8.count + order.reduce(0) { $0 + pairs[$1].name.utf8.count + pairs[$1].value.utf8.count } + bodyCount
            return withUnsafeTemporaryAllocation(byteCount: length, alignment: 1) { text in
                var end = 0
                func put(_ bytes: UnsafeRawBufferPointer) {
                    UnsafeMutableRawBufferPointer(rebasing: text[end..<end + bytes.count]).copyMemory(from: bytes)
                    end += bytes.count
                }
                func put(_ string: String) {
                    var string = string
                    string.withUTF8 { put(UnsafeRawBufferPointer($0)) }
                }
                key.secret.withUnsafeBytes { put($0) }
                put(path)
                for index in order {
                    put(pairs[index].name)
                    put(pairs[index].value)
                }
                body.copyBytes(to: UnsafeMutableRawBufferPointer(rebasing: text[end..<end + bodyCount]), count: bodyCount)
                end += bodyCount
                key.secret.withUnsafeBytes { put($0) }
                return key.withAuthenticationCode(of: UnsafeRawBufferPointer(text), use)
            }
        }
    }
}
