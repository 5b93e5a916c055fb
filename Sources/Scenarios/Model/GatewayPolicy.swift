/// Which transport checks the fake enforces.
///
/// Every check is on by default. A relaxed check still runs and its failure is still
/// journaled (so the contract can report it); only the rejection is skipped. This lets a
/// client that cannot sign yet exercise the rest of the API.
public struct GatewayPolicy: Sendable, Hashable {
    /// A check the gateway can relax.
    public enum Check: String, Sendable, Hashable, CaseIterable {
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

    /// The checks whose failures are journaled but not answered with an error.
    public var relaxed: Set<Check>

    /// Creates a policy; by default nothing is relaxed.
    public init(relaxed: Set<Check> = []) {
        self.relaxed = relaxed
    }
}

extension GatewayPolicy: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case relax
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.relaxed = Set(try container.list(oneOf: Check.self, forKey: .relax)?.compactMap { $0 } ?? [])
    }
}
