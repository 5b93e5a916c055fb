/// The YAML form of a scenario, decoded strictly, before cross-references are checked.
struct ScenarioFile: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, seed, clock, app, shops, products, gateway, catalogue, upgrade, webhooks, stubs, cassettes, expect
        case answerOrder = "answer_order"
        case accessTokens = "access_tokens"
        case marketPolicy = "market_policy"
    }

    struct Clock: Decodable {
        enum Mode: String, CaseIterable {
            case manual, scaled
        }

        enum CodingKeys: String, CodingKey, CaseIterable {
            case start, mode, rate
        }

        var start: DecodedInstant?
        /// Virtual seconds per real second; 0 for manual.
        var rate: Double

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(CodingKeys.self)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.start = try container.decodeIfPresent(DecodedInstant.self, forKey: .start)
            let mode = try container.decodeIfPresent(oneOf: Mode.self, forKey: .mode)
            let rate = try container.decodeIfPresent(HumanDuration.self, forKey: .rate)
            if let rate, rate.milliseconds <= 0 {
                throw decoder.invalidValue("rate is virtual time per real second, such as 1h; it must be positive")
            }
            if mode == .manual, rate != nil { throw decoder.invalidValue("a manual clock has no rate; remove rate or set mode: scaled") }
            self.rate = mode == .manual ? 0 : Double(rate?.milliseconds ?? (mode == .scaled ? 3_600_000 : 0)) / 1000
        }
    }

    /// `answer_order`: each source at most once, at least one.
    struct AnswerOrder: Decodable {
        var sources: [AnswerSource]

        init(from decoder: any Decoder) throws {
            self.sources = try decoder.singleValueContainer().decode([ClosedSet<AnswerSource>].self).map(\.value)
            if sources.isEmpty { throw decoder.invalidValue("answer_order needs at least one of stubs, simulator, cassettes") }
            if Set(sources).count != sources.count { throw decoder.invalidValue("answer_order names a source twice") }
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
    var upgrade: UpgradeBehaviour?
    var stubs: [StubEntry]?
    var cassettes: [String]?
    var answerOrder: [AnswerSource]?
    var webhooks: WebhookBehaviour?
    var catalogue: String?
    var marketPolicy: [String: MarketPolicy]?
    var expect: [ExpectationEntry]?

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
        self.upgrade = try container.decodeIfPresent(UpgradeBehaviour.self, forKey: .upgrade)
        self.stubs = try container.decodeIfPresent([StubEntry].self, forKey: .stubs)
        self.cassettes = try container.decodeIfPresent([String].self, forKey: .cassettes)
        self.answerOrder = try container.decodeIfPresent(AnswerOrder.self, forKey: .answerOrder)?.sources
        self.webhooks = try container.decodeIfPresent(WebhookBehaviour.self, forKey: .webhooks)
        self.catalogue = try container.decodeIfPresent(String.self, forKey: .catalogue)
        self.marketPolicy = try container.decodeIfPresent([String: MarketPolicy].self, forKey: .marketPolicy)
        self.expect = try container.decodeIfPresent([ExpectationEntry].self, forKey: .expect)
    }
}
