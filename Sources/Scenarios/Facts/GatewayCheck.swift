/// A transport check the gateway runs on every API request (reference section 1); scenarios
/// may relax one (`gateway.relax`), and the journal records each failure by this name.
public enum GatewayCheck: String, Sendable, Hashable, CaseIterable, Codable {
    /// `app_key` present and known.
    case appKey = "app_key"
    /// `timestamp` within 5 minutes past and 30 seconds future of the wall clock.
    case timestamp
    /// `sign` present and correct.
    case sign
    /// `x-tts-access-token` present, known and not expired.
    case accessToken = "access_token"
    /// `shop_cipher` present exactly on shop-scoped operations, and known.
    case shopCipher = "shop_cipher"
}
