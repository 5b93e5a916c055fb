import ContractAssertions
import Foundation
import NIOHTTP1

/// A shipped scenario with `expect:` rules added to its text, and a scripted client run
/// against it whose journal is judged for the rules alone.
enum ExpectationRun {
    /// The products of `happy-path-gb`, the scenario these runs start from.
    static let candle = "1729690937865797501"
    static let towels = "1729690937865797502"

    /// A shipped scenario's YAML with an `expect:` list appended, with room to acknowledge
    /// (``Scenario/roomToAcknowledge``).
    static func scenario(_ base: String = "happy-path-gb", expect rules: String) throws -> Scenario {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../scenarios/\(base).yaml")
        let text = try String(contentsOf: url, encoding: .utf8) + "\nexpect:\n" + rules
        return try Scenario.parse(text, file: "\(base).yaml").withRoomToAcknowledge
    }

    /// Runs a script with a client (its webhook receiver up) and judges the scenario's
    /// expectations only, once webhooks are settled.
    static func report(
        _ scenario: Scenario,
        faults: ClientFaults = [],
        configuration: ReplayServer.Configuration = ReplayServer.Configuration(),
        _ script: (ReferenceClient) async throws -> Void
    ) async throws -> ContractReport {
        try await ContractSuiteTests.runs.run {
            try await withReplayServer(scenario: scenario, configuration: configuration) { server in
                try await NotificationReceiver.with(appKey: scenario.app.key, appSecret: scenario.app.secret, faults: faults) { receiver in
                    try await script(ReferenceClient(server: server, faults: faults, receiver: receiver))
                    _ = await server.webhooks.awaitIdle()
                    await server.journal.flush()
                    return try await Contract(name: "qa", clauses: []).judge(server.journal.reader)
                }
            }
        }
    }
}

extension ReferenceClient {
    /// The shop's cipher.
    var cipher: String { server.credentials.shopCipher }

    /// Get Categories on a tree.
    func readCategories(_ version: String) async throws {
        try await call(.GET, "/product/202309/categories", cipher: cipher, query: ["category_version": version], readsData: false)
    }

    /// Search Products on a tree.
    func search(_ version: String) async throws {
        try await call(
            .POST,
            "/product/202502/products/search",
            cipher: cipher,
            query: ["page_size": "50"],
            body: .object(["category_version": .string(version)])
        )
    }

    /// Create Category Upgrade Task.
    func triggerUpgrade() async throws {
        try await call(.POST, "/product/202407/products/category_upgrade_task", cipher: cipher)
    }
}
