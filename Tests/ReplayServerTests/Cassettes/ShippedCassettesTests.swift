import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// Every cassette shipped in `cassettes/` is clean, replays every interaction it holds, and
/// still agrees with the simulator it was recorded from (so a catalogue change that was not
/// re-recorded with tools/cassettes/record_catalogue.py fails here).
@Suite("Shipped cassettes")
struct ShippedCassettesTests {
    @Test func thereIsOneCatalogueCassettePerL7Market() {
        #expect(
            Cassette.builtInNames == ["catalogue-de", "catalogue-es", "catalogue-fr", "catalogue-gb", "catalogue-ie", "catalogue-it", "catalogue-jp"]
        )
    }

    /// Sends each recorded request again, signed afresh, and returns the answers.
    static func replay(_ cassette: Cassette, to server: ReplayServer) async throws -> [Answer] {
        let client = SignedClient(server: server)
        var answers: [Answer] = []
        for interaction in cassette.interactions {
            let request = interaction.request
            var options = SignedClient.Options()
            options.extraQuery = request.query.filter { !["app_key", "timestamp", "sign", "shop_cipher"].contains($0.key) }
            var body: String?
            if case .json(let value) = request.body { body = String(decoding: try JSONEncoder().encode(value), as: UTF8.self) }
            answers.append(
                try await client.send(
                    HTTPMethod(rawValue: request.method),
                    request.path,
                    body: body,
                    shopScoped: request.query["shop_cipher"] != nil,
                    options: options
                )
            )
        }
        return answers
    }

    static func recordedBody(_ interaction: Cassette.Interaction) -> JSONValue? {
        if case .json(let value) = interaction.response.body { return value }
        return nil
    }

    @Test(arguments: Cassette.builtInNames)
    func replaysEveryInteractionAndAgreesWithTheSimulator(_ name: String) async throws {
        let cassette = try await offThePool { try Cassette.builtIn(named: name) }
        #expect(cassette.interactions.count >= 10)
        let market = String(name.dropFirst("catalogue-".count))
        var scenario = try await offThePool { try Scenario.builtIn(named: "happy-path-\(market)") }

        let simulated = try await withReplayServer(scenario: scenario) { try await Self.replay(cassette, to: $0) }
        scenario.cassettes = [cassette]
        scenario.answerOrder = [.cassettes]
        let replayed = try await withReplayServer(scenario: scenario) { server in
            let answers = try await Self.replay(cassette, to: server)
            #expect(try await server.journal.entries().allSatisfy { $0.answeredBy == .cassette })
            return answers
        }
        for (index, interaction) in cassette.interactions.enumerated() {
            let recorded = Self.recordedBody(interaction)
            let line = "\(name).yaml:\(interaction.line): \(interaction.request.method) \(interaction.request.path)"
            #expect(replayed[index].status == interaction.response.status, "\(line)")
            #expect(try JSONDecoder().decode(JSONValue.self, from: replayed[index].body) == recorded, "\(line) replays as recorded")
            #expect(try JSONDecoder().decode(JSONValue.self, from: simulated[index].body) == recorded, "\(line) is what the simulator answers today")
        }
    }

    @Test func theReplayOnlyScenarioAnswersFromItsCassetteAndNamesNearMisses() async throws {
        try await withReplayServer(scenario: try await offThePool { try Scenario.builtIn(named: "replay-only-gb") }) { server in
            let client = SignedClient(server: server)
            let categories = try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2"])
            #expect(try categories.data["categories"]?.array?.count ?? 0 > 100)
            let upgrade = try await client.call(.POST, "/product/202407/products/category_upgrade_task", json: [:])
            #expect(upgrade.code == 36009003)
            #expect(try await server.journal.entries().map(\.answeredBy) == [.cassette, .nearMiss])
        }
    }
}
