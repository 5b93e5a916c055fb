/// The YAML form of a scenario, decoded strictly, before cross-references are checked.
struct ScenarioFile: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, seed, clock, app, shops, products, gateway, catalogue
        case accessTokens = "access_tokens"
        case marketPolicy = "market_policy"
    }

    struct Clock: Decodable {
        enum CodingKeys: String, CodingKey, CaseIterable {
            case start
        }

        var start: DecodedInstant?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.start = try container.decodeIfPresent(DecodedInstant.self, forKey: .start)
        }
    }

    var name: String?
    var description: String?
    var seed: UInt64?
    var clock: Clock?
    var app: AppCredentials?
    var accessTokens: [AccessToken]?
    var shops: [Shop]?
    var products: [ProductEntry]?
    var gateway: GatewayPolicy?
    var catalogue: String?
    var marketPolicy: [String: MarketPolicy]?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.name = try container.decodeIfPresent(String.self, forKey: .name)
        self.description = try container.decodeIfPresent(String.self, forKey: .description)
        self.seed = try container.decodeIfPresent(UInt64.self, forKey: .seed)
        self.clock = try container.decodeIfPresent(Clock.self, forKey: .clock)
        self.app = try container.decodeIfPresent(AppCredentials.self, forKey: .app)
        self.accessTokens = try container.decodeIfPresent([AccessToken].self, forKey: .accessTokens)
        self.shops = try container.decodeIfPresent([Shop].self, forKey: .shops)
        self.products = try container.decodeIfPresent([ProductEntry].self, forKey: .products)
        self.gateway = try container.decodeIfPresent(GatewayPolicy.self, forKey: .gateway)
        self.catalogue = try container.decodeIfPresent(String.self, forKey: .catalogue)
        self.marketPolicy = try container.decodeIfPresent([String: MarketPolicy].self, forKey: .marketPolicy)
    }
}
