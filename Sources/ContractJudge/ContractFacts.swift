import Foundation
public import Scenarios

/// What the contract needs to know of a run's scenario, kept in the journal's `run_info`
/// (`contract_facts`) so that a journal file can be judged on its own, by another process.
public struct ContractFacts: Codable, Sendable, Hashable {
    /// A shop of the scenario.
    public struct Shop: Codable, Sendable, Hashable {
        /// The shop id.
        public let id: String
        /// The `shop_cipher` calls name it with.
        public let cipher: String
        /// Its market's region code, such as `GB`.
        public let region: String
    }

    /// A market of the scenario's shops.
    public struct Market: Codable, Sendable, Hashable {
        /// The region code, such as `GB`.
        public let region: String
        /// Whether the market requires the 7-level tree (v2).
        public let v2Required: Bool
        /// Unix seconds from which v2 is required, when the policy has a cut-off.
        public let v2RequiredFrom: Int64?

        enum CodingKeys: String, CodingKey {
            case region
            case v2Required = "v2_required"
            case v2RequiredFrom = "v2_required_from"
        }
    }

    /// A product of the scenario as it was at the start.
    public struct Product: Codable, Sendable, Hashable {
        /// The product id.
        public let id: String
        /// The shop that sells it.
        public let shopID: String
        /// Its leaf category at the start.
        public let categoryID: String
        /// The tree of that category.
        public let categoryVersion: CategoryVersion
        /// Its status at the start.
        public let status: Scenarios.Product.Status

        enum CodingKeys: String, CodingKey {
            case id, status
            case shopID = "shop_id"
            case categoryID = "category_id"
            case categoryVersion = "category_version"
        }
    }

    /// The scenario's shops.
    public let shops: [Shop]
    /// The markets of those shops.
    public let markets: [Market]
    /// How long an upgrade task runs, scenario seconds.
    public let upgradeDurationSeconds: Int64
    /// How long a product must have been live to be upgraded, scenario seconds.
    public let minimumAgeSeconds: Int64
    /// How long a receiver has to acknowledge a webhook, real seconds.
    public let acknowledgementTimeoutSeconds: Double
    /// The scenario's products at the start (empty in journals written before they were kept).
    public let products: [Product]
    /// The scenario's `expect:` rules, judged beside the contract (empty in older journals).
    public let expectations: [ScenarioExpectation]

    enum CodingKeys: String, CodingKey {
        case shops, markets, products, expectations
        case upgradeDurationSeconds = "upgrade_duration_seconds"
        case minimumAgeSeconds = "minimum_age_seconds"
        case acknowledgementTimeoutSeconds = "acknowledgement_timeout_seconds"
    }

    package init(scenario: Scenario) {
        self.shops = scenario.shops.map { Shop(id: $0.id, cipher: $0.cipher, region: $0.region.rawValue) }
        self.markets = Set(scenario.shops.map(\.region)).sorted { $0.rawValue < $1.rawValue }.map { region in
            let policy = scenario.policy(for: region)
            return Market(
                region: region.rawValue,
                v2Required: policy.v2Required,
                v2RequiredFrom: policy.v2RequiredFrom.map { Int64($0.timeIntervalSince1970) }
            )
        }
        self.upgradeDurationSeconds = scenario.upgrade.duration.seconds
        self.minimumAgeSeconds = scenario.upgrade.minimumAge.seconds
        self.acknowledgementTimeoutSeconds = Double(scenario.webhooks.acknowledgementTimeout.milliseconds) / 1000
        self.products = scenario.products.map {
            Product(id: $0.id, shopID: $0.shopID, categoryID: $0.categoryID, categoryVersion: $0.categoryVersion, status: $0.status)
        }
        self.expectations = scenario.expectations
    }

    /// Reads the facts of any version of the journal: keys added later default to empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.shops = try container.decode([Shop].self, forKey: .shops)
        self.markets = try container.decode([Market].self, forKey: .markets)
        self.upgradeDurationSeconds = try container.decode(Int64.self, forKey: .upgradeDurationSeconds)
        self.minimumAgeSeconds = try container.decode(Int64.self, forKey: .minimumAgeSeconds)
        self.acknowledgementTimeoutSeconds = try container.decode(Double.self, forKey: .acknowledgementTimeoutSeconds)
        self.products = try container.decodeIfPresent([Product].self, forKey: .products) ?? []
        self.expectations = try container.decodeIfPresent([ScenarioExpectation].self, forKey: .expectations) ?? []
    }

    /// The run-info key.
    package static let runInfoKey = "contract_facts"

    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The shop a cipher names.
    public func shop(cipher: String?) -> Shop? {
        shops.first { $0.cipher == cipher }
    }

    /// Whether the market of a shop requires v2 at a scenario instant (Unix seconds).
    public func requiresV2(cipher: String?, at scenarioTime: Int64) -> Bool {
        guard let shop = shop(cipher: cipher), let market = markets.first(where: { $0.region == shop.region }) else { return false }
        return market.v2Required && scenarioTime >= (market.v2RequiredFrom ?? .min)
    }
}
