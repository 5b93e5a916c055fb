public import Foundation

/// Everything the fake server needs to simulate one situation: the app, the shops, their
/// products, the starting instant of the virtual clock, and how strict the gateway is.
///
/// Load one from a file with ``Scenario/load(contentsOf:)``, by name from the shipped
/// library with ``Scenario/builtIn(named:)``, or use ``Scenario/default``.
public struct Scenario: Sendable {
    /// A short name, used in logs and reports.
    public var name: String
    /// What the scenario models, for people.
    public var description: String
    /// The seed of everything deterministic, request ids included.
    public var seed: UInt64
    /// The instant the virtual clock starts at.
    public var clockStart: Date
    /// Virtual seconds per real second; 0 (the default) for a manual clock that moves only when told.
    public var clockRate: Double
    /// The app's key and secret.
    public var app: AppCredentials
    /// The access tokens the fake accepts; the first is the one handed to clients.
    public var accessTokens: [AccessToken]
    /// The shops the app is authorised for; the first is the one handed to clients.
    public var shops: [Shop]
    /// The products in the shops at the start.
    public var products: [Product]
    /// Which gateway checks are relaxed.
    public var gateway: GatewayPolicy
    /// Scripted answers, tried in order.
    public var stubs: [Stub]
    /// Recorded answers, looked up by request.
    public var cassettes: [Cassette]
    /// Which sources answer a request that passed the gateway, in order. Default: stubs, simulator, cassettes.
    public var answerOrder: [AnswerSource]
    /// How the Category Upgrade Task behaves.
    public var upgrade: UpgradeBehaviour
    /// How the product audit behaves (how long a review takes, which products fail it).
    public var audit: AuditBehaviour
    /// Where webhooks go and how delivering them misbehaves.
    public var webhooks: WebhookBehaviour
    /// Where the category trees, attributes, rules and brands come from.
    public var catalogue: Catalogue
    /// Per market, whether v2 is required; a market not listed gets ``MarketPolicy/init(v2Required:v2RequiredFrom:v1ReadsRefused:)``'s defaults.
    public var marketPolicies: [Region: MarketPolicy]
    /// QA rules judged over the run beside the contract (`expect:`), each reported as `expect.<name>`.
    public var expectations: [ScenarioExpectation]
    /// The file the scenario was loaded from, if any.
    public var sourcePath: String?

    /// Creates a scenario.
    public init(
        name: String,
        description: String = "",
        seed: UInt64 = 1,
        clockStart: Date = Scenario.defaultClockStart,
        clockRate: Double = 0,
        app: AppCredentials,
        accessTokens: [AccessToken],
        shops: [Shop],
        products: [Product] = [],
        gateway: GatewayPolicy = GatewayPolicy(),
        stubs: [Stub] = [],
        cassettes: [Cassette] = [],
        answerOrder: [AnswerSource] = AnswerSource.defaultOrder,
        upgrade: UpgradeBehaviour = UpgradeBehaviour(),
        audit: AuditBehaviour = AuditBehaviour(),
        webhooks: WebhookBehaviour = WebhookBehaviour(),
        catalogue: Catalogue = .builtIn,
        marketPolicies: [Region: MarketPolicy] = [:],
        expectations: [ScenarioExpectation] = [],
        sourcePath: String? = nil
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.clockStart = clockStart
        self.clockRate = clockRate
        self.app = app
        self.accessTokens = accessTokens
        self.shops = shops
        self.products = products
        self.gateway = gateway
        self.stubs = stubs
        self.cassettes = cassettes
        self.answerOrder = answerOrder
        self.upgrade = upgrade
        self.audit = audit
        self.webhooks = webhooks
        self.catalogue = catalogue
        self.marketPolicies = marketPolicies
        self.expectations = expectations
        self.sourcePath = sourcePath
    }

    /// The instant a scenario starts at when it names none: 2026-11-02T09:00:00Z.
    public static let defaultClockStart = Date(timeIntervalSince1970: 1_793_610_000)

    /// The shop handed to clients: the first one.
    public var primaryShop: Shop { shops[0] }

    /// The policy of a market.
    public func policy(for region: Region) -> MarketPolicy {
        marketPolicies[region] ?? MarketPolicy()
    }

    /// The token handed to clients: the first one.
    public var primaryToken: AccessToken { accessTokens[0] }
}
