/// The YAML form of a scenario, decoded strictly, before cross-references are checked.
struct ScenarioFile: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, seed, clock, app, shops, products, gateway, catalogue, upgrade, audit, webhooks, stubs, cassettes, expect
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
            let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
            self.start = try container.optional(DecodedInstant.self, forKey: .start)
            let mode = try container.optional(oneOf: Mode.self, forKey: .mode)
            let rate = try container.optional(HumanDuration.self, forKey: .rate)
            if let rate, rate.milliseconds <= 0 {
                try decoder.reject("rate is virtual time per real second, such as 1h; it must be positive", at: CodingKeys.rate)
            }
            if mode == .manual, rate != nil {
                try decoder.reject("a manual clock has no rate; remove rate or set mode: scaled", at: CodingKeys.rate)
            }
            self.rate = mode == .manual ? 0 : Double(rate?.milliseconds ?? (mode == .scaled ? 3_600_000 : 0)) / 1000
        }
    }

    /// `answer_order`: each source at most once, at least one.
    struct AnswerOrder: Decodable {
        var sources: [AnswerSource]

        init(from decoder: any Decoder) throws {
            let sources = try decoder.singleValueContainer().decode([Checked<ClosedSet<AnswerSource>>].self).map(\.value?.value)
            self.sources = sources.compactMap { $0 }
            if sources.isEmpty { try decoder.reject("answer_order needs at least one of stubs, simulator, cassettes") }
            if Set(self.sources).count != self.sources.count { try decoder.reject("answer_order names a source twice") }
        }
    }

    var name: String?
    var description: String?
    var seed: UInt64?
    var clock: Clock?
    var app: AppCredentials?
    // Lists hold nil for an element that did not fit, so that every index is the file's.
    var accessTokens: [AccessToken?]?
    var shops: [Shop?]?
    var products: [ProductEntry?]?
    var gateway: GatewayPolicy?
    var upgrade: UpgradeBehaviour?
    var audit: AuditBehaviour?
    var stubs: [StubEntry?]?
    var cassettes: [String?]?
    var answerOrder: [AnswerSource]?
    var webhooks: WebhookBehaviour?
    var catalogue: String?
    var marketPolicy: [String: MarketPolicy?]?
    var expect: [ExpectationEntry?]?

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.name = try container.optional(String.self, forKey: .name)
        self.description = try container.optional(String.self, forKey: .description)
        self.seed = try container.optional(UInt64.self, forKey: .seed)
        self.clock = try container.optional(Clock.self, forKey: .clock)
        self.app = try container.optional(AppCredentials.self, forKey: .app)
        self.accessTokens = try container.list(of: AccessToken.self, forKey: .accessTokens)
        self.shops = try container.list(of: Shop.self, forKey: .shops)
        self.products = try container.list(of: ProductEntry.self, forKey: .products)
        self.gateway = try container.optional(GatewayPolicy.self, forKey: .gateway)
        self.upgrade = try container.optional(UpgradeBehaviour.self, forKey: .upgrade)
        self.audit = try container.optional(AuditBehaviour.self, forKey: .audit)
        self.stubs = try container.list(of: StubEntry.self, forKey: .stubs)
        self.cassettes = try container.list(of: String.self, forKey: .cassettes)
        self.answerOrder = try container.optional(AnswerOrder.self, forKey: .answerOrder)?.sources
        self.webhooks = try container.optional(WebhookBehaviour.self, forKey: .webhooks)
        self.catalogue = try container.optional(String.self, forKey: .catalogue)
        self.marketPolicy = try container.mapping(of: MarketPolicy.self, forKey: .marketPolicy)
        self.expect = try container.list(of: ExpectationEntry.self, forKey: .expect)
    }
}
