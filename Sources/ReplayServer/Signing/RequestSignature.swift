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

        /// HMAC-SHA256 of `message` with the secret, in lowercase hex.
        func authenticationCode(of message: [UInt8]) -> String {
            var inner = self.inner
            message.withUnsafeBytes { inner.update(bufferPointer: $0) }
            var outer = self.outer
            inner.finalize().withUnsafeBytes { outer.update(bufferPointer: $0) }
            return outer.finalize().withUnsafeBytes { Hex.lowercase($0) }
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
        // The signed pairs by position, sorted by name and then by position: no array of
        // tuples is built and sorted (its generic copies cost more than the hash).
        var order: [Int] = []
        order.reserveCapacity(pairs.count)
        for index in pairs.indices where !RequestParameter.isUnsigned(pairs[index].name) { order.append(index) }
        order.sort { pairs[$0].name == pairs[$1].name ? $0 < $1 : pairs[$0].name < pairs[$1].name }
        // The signed text is gathered into one buffer and authenticated in one call.
        var base: [UInt8] = []
        base.reserveCapacity(
            2 * key.secret.count + path.utf8.count + pairs.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count } + body.count
        )
        base += key.secret
        base += path.utf8
        for index in order {
            base += pairs[index].name.utf8
            base += pairs[index].value.utf8
        }
        if !isMultipart {
            base += body
        }
        base += key.secret
        return key.authenticationCode(of: base)
    }
}
