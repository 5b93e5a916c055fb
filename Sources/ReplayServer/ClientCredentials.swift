/// What a client needs to talk to a server: the app's key and secret, an access token, and
/// the shop to act on.
public struct ClientCredentials: Sendable, Hashable, Codable {
    /// The `app_key` query parameter.
    public var appKey: String
    /// The app secret that signs requests and webhooks.
    public var appSecret: String
    /// The `x-tts-access-token` header.
    public var accessToken: String
    /// The `shop_cipher` of the primary shop.
    public var shopCipher: String
    /// The id of the primary shop.
    public var shopID: String

    enum CodingKeys: String, CodingKey {
        case appKey = "app_key"
        case appSecret = "app_secret"
        case accessToken = "access_token"
        case shopCipher = "shop_cipher"
        case shopID = "shop_id"
    }
}
