/// The names every signed request uses for its common parameters (reference section 1,
/// "Request conventions"): the gateway reads them, the signer leaves two of them out, the
/// cassette matcher ignores the volatile ones and the contract reads `category_version`.
public enum RequestParameter {
    /// The app's key, in the query.
    public static let appKey = "app_key"
    /// Unix seconds of the call, in the query.
    public static let timestamp = "timestamp"
    /// The HMAC-SHA256 signature, in the query.
    public static let sign = "sign"
    /// The shop a shop-scoped call acts on, in the query.
    public static let shopCipher = "shop_cipher"
    /// The header that carries the access token.
    public static let accessTokenHeader = "x-tts-access-token"
    /// The access token's query parameter of older clients: never signed, never matched.
    public static let legacyAccessToken = "access_token"
    /// Which category tree a listing call names, in the query or the body
    /// (``APIOperation/categoryVersion``).
    public static let categoryVersion = "category_version"

    /// The query parameters left out of the signed text.
    public static let unsigned: Set<String> = [sign, legacyAccessToken]

    /// Whether a query parameter is left out of the signed text (one of ``unsigned``), without
    /// hashing the name: the signer asks it of every parameter of every request.
    public static func isUnsigned(_ name: String) -> Bool {
        name == sign || name == legacyAccessToken
    }
    /// The query parameters that change on every call (signing and credentials).
    public static let volatile: Set<String> = [appKey, timestamp, sign, legacyAccessToken]
}
