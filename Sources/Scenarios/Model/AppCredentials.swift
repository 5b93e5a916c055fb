/// The app's identity: the `app_key` that goes in every query and the secret that signs.
public struct AppCredentials: Sendable, Hashable {
    /// The `app_key` query parameter.
    public var key: String
    /// The app secret, the HMAC key for request and webhook signatures.
    public var secret: String

    /// Creates app credentials.
    public init(key: String, secret: String) {
        self.key = key
        self.secret = secret
    }

    /// The app of a scenario that names none (docs/scenarios.md).
    package static let scenarioDefault = AppCredentials(key: "6a1c2e9f3b7d", secret: "5f0e8d2c9a4b7e1f3c6d")
}

extension AppCredentials: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case key, secret
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.key = try container.required(String.self, forKey: .key) ?? ""
        self.secret = try container.required(String.self, forKey: .secret) ?? ""
    }
}

/// An access token the fake accepts in the `x-tts-access-token` header.
public struct AccessToken: Sendable, Hashable {
    /// The token text.
    public var value: String
    /// When it expires, relative to the scenario's start; negative for a token already expired.
    public var expiresIn: HumanDuration

    /// Creates a token.
    public init(value: String, expiresIn: HumanDuration) {
        self.value = value
        self.expiresIn = expiresIn
    }
}

extension AccessToken: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case value = "token"
        case expiresIn = "expires_in"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.value = try container.required(String.self, forKey: .value) ?? ""
        self.expiresIn = try container.optional(HumanDuration.self, forKey: .expiresIn) ?? HumanDuration(seconds: 7 * 86_400)
    }
}
