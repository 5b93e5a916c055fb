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

    /// The app secret made ready to sign with: the HMAC's key schedule is computed once, not
    /// for every request.
    struct Key: Sendable {
        let secret: [UInt8]
        let hmac: HMAC<SHA256>

        init(appSecret: String) {
            self.secret = Array(appSecret.utf8)
            self.hmac = HMAC<SHA256>(key: SymmetricKey(data: secret))
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
        // The signed text is gathered into one buffer and authenticated in one call: each call
        // into swift-crypto's generic `update` costs more than copying a parameter.
        var base: [UInt8] = []
        base.reserveCapacity(
            2 * key.secret.count + path.utf8.count + pairs.reduce(0) { $0 + $1.name.utf8.count + $1.value.utf8.count } + body.count
        )
        base += key.secret
        base += path.utf8
        let signed = pairs.enumerated()
            .filter { !RequestParameter.unsigned.contains($0.element.name) }
            .sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
        for (_, pair) in signed {
            base += pair.name.utf8
            base += pair.value.utf8
        }
        if !isMultipart {
            base += body
        }
        base += key.secret
        var hmac = key.hmac
        base.withUnsafeBytes { hmac.update(data: $0) }
        return hmac.finalize().withUnsafeBytes { Hex.lowercase($0) }
    }
}
