import Crypto
public import Foundation
import ReplayJournal

/// The signature of a webhook delivery: the `Authorization` header is the lowercase hex
/// HMAC-SHA256 of `app_key + raw body`, keyed with the app secret (no "Bearer", URL not signed).
public enum WebhookSignature {
    /// Signs a webhook body.
    ///
    /// - Parameters:
    ///   - body: The raw JSON body, exactly as sent.
    ///   - appKey: The app key, prepended to the body.
    ///   - appSecret: The HMAC key.
    /// - Returns: The signature in lowercase hex, the value of the `Authorization` header.
    public static func sign(body: some DataProtocol, appKey: String, appSecret: String) -> String {
        Hex.lowercase(authenticationCode(body: body, appKey: appKey, appSecret: appSecret))
    }

    /// Whether an `Authorization` header is the right signature for a body (hex, either case),
    /// compared in time that depends on its length only.
    public static func isValid(_ signature: String, body: some DataProtocol, appKey: String, appSecret: String) -> Bool {
        authenticationCode(body: body, appKey: appKey, appSecret: appSecret).withUnsafeBytes {
            Hex.constantTimeEquals(signature, hexOf: $0)
        }
    }

    private static func authenticationCode(body: some DataProtocol, appKey: String, appSecret: String) -> HMAC<SHA256>.MAC {
        var hmac = HMAC<SHA256>(key: SymmetricKey(data: Array(appSecret.utf8)))
        hmac.update(data: Array(appKey.utf8))
        hmac.update(data: body)
        return hmac.finalize()
    }
}
