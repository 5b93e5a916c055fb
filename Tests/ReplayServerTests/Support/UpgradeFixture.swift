import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios

/// The default scenario's GB shop with a webhook receiver registered, and the calls the
/// upgrade tests make.
struct UpgradeFixture {
    static let jumper = "1729587213455066934"  // live 12 days
    static let mugs = "1729587213455066935"  // live 30 days
    static let board = "1729587213455066936"  // live 3 days
    static let bodysuit = "1729587213455066937"  // live 6 hours: too new

    let server: ReplayServer
    let receiver: WebhookReceiver
    let client: SignedClient
    let market: MarketCatalogue

    /// How long the fixture's receiver has to acknowledge: long, so that a loaded machine
    /// never turns a prompt receiver into a failed attempt. Tests of the timeout set their own.
    static let acknowledgementTimeout = HumanDuration(seconds: 30)

    /// The default scenario, changed.
    static func scenario(_ change: (inout Scenario) -> Void = { _ in }) throws -> Scenario {
        var scenario = try Scenario.default
        scenario.webhooks.acknowledgementTimeout = acknowledgementTimeout
        change(&scenario)
        return scenario
    }

    /// Runs `body` with a receiver and a server of a scenario (the default one unless given).
    static func run(
        script: [WebhookReceiver.Reply] = [],
        scenario: Scenario? = nil,
        _ body: (UpgradeFixture) async throws -> Void
    ) async throws {
        let scenario = try scenario ?? Self.scenario()
        try await WebhookReceiver.with(script: script, appKey: scenario.app.key, appSecret: scenario.app.secret) { receiver in
            try await withReplayServer(scenario: scenario, configuration: .init(webhookURL: receiver.url)) { server in
                let market = try scenario.catalogue.market(scenario.primaryShop.region)
                try await body(UpgradeFixture(server: server, receiver: receiver, client: SignedClient(server: server), market: market))
            }
        }
    }

    func triggerUpgrade() async throws {
        let answer = try await client.call(.POST, "/product/202407/products/category_upgrade_task")
        guard answer.code == 0, try answer.data == .object([:]) else {
            throw AnswerError(message: "the upgrade task answered \(String(decoding: answer.body, as: UTF8.self))")
        }
    }

    /// The ids Search Products returns for a tree (nil: both), sorted.
    func search(_ version: String?) async throws -> [String] {
        let body: [String: Any] = version.map { ["category_version": $0] } ?? [:]
        let data = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "100"], json: body).data
        return (data["products"]?.array ?? []).compactMap { $0["id"]?.string }.sorted()
    }

    /// The leaf Get Product shows for a product.
    func categoryOf(_ productID: String) async throws -> String? {
        try await client.call(.GET, "/product/202309/products/\(productID)").data["category_chains"]?.array?.last?["id"]?.string
    }

    func advance(_ text: String) async {
        await server.clock.advance(by: .milliseconds(HumanDuration(parsing: text)!.milliseconds))
    }
}
