import Foundation
import Scenarios
import Testing

/// Cassettes written by `record` carry `<redacted:KIND:N>` placeholders: a placeholder where the
/// scenario needs a value gets the default and a comment, never the placeholder's text.
@Suite("Scenario derivation: redaction placeholders")
struct RedactionDerivationTests {
    typealias Fixture = RecordingFixture

    /// The lines of a scenario's YAML that are not comments, without their trailing comments.
    static func values(_ yaml: String) -> [String] {
        yaml.split(separator: "\n").map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }.map {
            $0.components(separatedBy: "  # ").first ?? $0
        }
    }

    @Test func placeholdersInShopsProductsAndTheAppKeyGetDefaultsAndComments() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                "rec.yaml",
                text: """
                    format: 1
                    recorded: {at: '2026-11-20T12:00:00Z', with: tts-replay record}
                    interactions:
                      - request:
                          method: GET
                          path: /authorization/202309/shops
                          query: {app_key: '<redacted:app_key:1>', sign: '<redacted:sign:2>', timestamp: '1795170000'}
                          headers: {x-tts-access-token: '<redacted:x-tts-access-token:3>'}
                        response:
                          body:
                            code: 0
                            data:
                              shops:
                                - {id: '7495000000000000001', name: '<redacted:name:4>', region: GB, seller_type: LOCAL, cipher: '<redacted:cipher:5>', code: GBLC0001}
                                - {id: '<redacted:id:6>', name: Hidden, region: GB, cipher: GCP_x}
                      - request:
                          method: GET
                          path: /product/202309/products/1001
                          query: {app_key: '<redacted:app_key:1>', shop_cipher: '<redacted:cipher:5>'}
                        response:
                          body:
                            code: 0
                            data: {id: '1001', title: '<redacted:title:7>', status: ACTIVATE, create_time: '<redacted:create_time:8>',
                                   category_chains: [{id: '600302', is_leaf: true}]}
                    """
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            for line in Self.values(result.scenarioYAML) {
                #expect(!line.contains("<redacted"), "a value holds a placeholder: \(line)")
            }
            let shop = try #require(scenario.shops.first)
            #expect(scenario.shops.count == 1, "a shop whose id is redacted is left out")
            #expect(shop.cipher == "ROW_7495000000000000001")
            #expect(shop.name == "Shop 7495000000000000001")
            #expect(scenario.app == AppCredentials(key: "6a1c2e9f3b7d", secret: "5f0e8d2c9a4b7e1f3c6d"))
            #expect(scenario.accessTokens.map(\.value) == ["TTP_replay_6a1c2e9f3b7d"])
            let product = try #require(scenario.products.first, "a redacted cipher with one shop still finds the shop")
            #expect(product.title == "Product 1001")
            #expect(product.liveFor == HumanDuration(seconds: 7 * 86_400))
            #expect(result.scenarioYAML.contains("cipher: \"ROW_7495000000000000001\"  # the default: redacted in the recording"))
            #expect(Fixture.prose(result.scenarioYAML).contains("the app_key of rec.yaml#1 (get_authorized_shops) is redacted"))
            #expect(Fixture.prose(result.scenarioYAML).contains("recorded tokens are redacted"))
            #expect(result.notes.contains { $0.message.contains("shops[1] has no usable id") })
        }
    }

    @Test func theRecordedAppKeyIsKeptAndTheSecretAndTokenAreNeverCopied() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                "rec.yaml",
                text: """
                    format: 1
                    interactions:
                      - request:
                          method: GET
                          path: /authorization/202309/shops
                          query: {app_key: 'realkey42', timestamp: '1795170000'}
                          headers: {x-tts-access-token: 'ROW_real_token_value'}
                        response:
                          body: {code: 0, data: {shops: [{id: '7495000000000000001', region: GB, cipher: GCP_gb1}]}}
                    """
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            #expect(scenario.app.key == "realkey42")
            #expect(!result.scenarioYAML.contains("ROW_real_token_value"), "a token in the clear does not go into the scenario")
            #expect(scenario.accessTokens.map(\.value) == ["TTP_replay_realkey42"])
        }
    }
}
