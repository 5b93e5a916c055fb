import Foundation
package import Scenarios

/// What the contract needs to know of a run's scenario, kept in the journal's `run_info`
/// (`contract_facts`) so that a journal file can be judged on its own, by another process.
package struct ContractFacts: Codable, Sendable, Hashable {
    struct Shop: Codable, Sendable, Hashable {
        var id: String
        var cipher: String
        var region: String
    }

    struct Market: Codable, Sendable, Hashable {
        var region: String
        var v2Required: Bool
        /// Unix seconds from which v2 is required, when the policy has a cut-off.
        var v2RequiredFrom: Int64?

        enum CodingKeys: String, CodingKey {
            case region
            case v2Required = "v2_required"
            case v2RequiredFrom = "v2_required_from"
        }
    }

    var shops: [Shop]
    var markets: [Market]
    /// How long an upgrade task runs, scenario seconds.
    var upgradeDurationSeconds: Int64
    /// How long a product must have been live to be upgraded, scenario seconds.
    var minimumAgeSeconds: Int64
    /// How long a receiver has to acknowledge a webhook, real seconds.
    var acknowledgementTimeoutSeconds: Double

    enum CodingKeys: String, CodingKey {
        case shops, markets
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
    }

    /// The run-info key.
    package static let runInfoKey = "contract_facts"

    package var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// The shop a cipher names.
    func shop(cipher: String?) -> Shop? {
        shops.first { $0.cipher == cipher }
    }

    /// Whether the market of a shop requires v2 at a scenario instant.
    func requiresV2(cipher: String?, at scenarioTime: Int64) -> Bool {
        guard let shop = shop(cipher: cipher), let market = markets.first(where: { $0.region == shop.region }) else { return false }
        return market.v2Required && scenarioTime >= (market.v2RequiredFrom ?? .min)
    }
}
