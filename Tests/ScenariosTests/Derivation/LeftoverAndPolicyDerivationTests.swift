import Foundation
import Scenarios
import Testing

/// What the simulator cannot answer is kept as a cassette the scenario names; the market policy
/// comes from how create and edit on the 3-level tree were answered.
@Suite("Scenario derivation: leftover cassette and market policy")
struct LeftoverAndPolicyDerivationTests {
    typealias Fixture = RecordingFixture

    @Test func unsimulatedOperationsAndUnknownPathsAreKeptAsACassetteTheScenarioNames() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.exchange(
                    "POST",
                    "/order/202309/orders/search",
                    query: "shop_cipher: GCP_gb1",
                    body: "{order_status: UNPAID}",
                    data: "{orders: []}"
                ),
                Fixture.exchange("POST", "/product/202312/global_products/search", body: "{status: ALL}", data: "{global_products: []}"),
                Fixture.product("1001")
            )
            let result = try ScenarioDerivation.derive(from: [cassette], options: .init(name: "my-shop"))
            let leftover = try #require(result.leftover)
            #expect(leftover.fileName == "my-shop-unsimulated.yaml")
            #expect(leftover.interactionCount == 2)
            #expect(result.counts.leftoverInteractions == 2)
            #expect(result.scenarioYAML.contains("cassettes: [\"my-shop-unsimulated.yaml\"]"))
            #expect(Fixture.prose(result.scenarioYAML).contains("1 × POST /order/202309/orders/search, 1 × search_global_products"))
            let scenario = try fixture.load(result, name: "my-shop.yaml")
            #expect(scenario.answerOrder == AnswerSource.defaultOrder, "the simulator answers first")
            let kept = try #require(scenario.cassettes.first)
            #expect(kept.interactions.map(\.request.path) == ["/order/202309/orders/search", "/product/202312/global_products/search"])
            #expect(kept.recording.with == "tts-replay scenario from-cassette")
        }
    }

    @Test func aRecordingTheSimulatorAnswersWhollyNeedsNoCassette() throws {
        try Fixture.with { fixture in
            let result = try ScenarioDerivation.derive(from: [try fixture.cassette(Fixture.shops(Fixture.gbShop), Fixture.product("1001"))])
            #expect(result.leftover == nil)
            #expect(!result.scenarioYAML.contains("\ncassettes:"))
            #expect(try fixture.load(result).cassettes.isEmpty)
        }
    }

    /// A create on v1 with the answer given, in the GB shop or the DE shop.
    static func create(cipher: String = "GCP_gb1", version: String? = "v1", code: Int) -> String {
        Fixture.exchange(
            "POST",
            "/product/202309/products",
            query: "shop_cipher: \(cipher)",
            body: "{title: T, category_id: '600302'" + (version.map { ", category_version: \($0)" } ?? "") + "}",
            code: code,
            data: code == 0 ? "{product_id: '9'}" : "null"
        )
    }

    @Test func aV1CreateRefusedWith12052217MeansV2RequiredAndOneAcceptedMeansNot() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop, Fixture.deShop),
                Self.create(code: 12_052_217),
                Self.create(cipher: "GCP_de1", version: nil, code: 0)
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            #expect(scenario.marketPolicies[.gb]?.v2Required == true)
            #expect(scenario.marketPolicies[.de]?.v2Required == false)
            #expect(result.scenarioYAML.contains("v2_required: true  # rec.yaml#2 (create_product): category_version v1 refused with 12052217"))
            #expect(result.scenarioYAML.contains("v2_required: false  # rec.yaml#3 (create_product): no category_version (v1) accepted (code 0)"))
            #expect(result.counts.marketPolicies == 2)
        }
    }

    @Test func aV2WriteAndOtherErrorsSayNothingAboutThePolicy() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops(Fixture.gbShop), Self.create(version: "v2", code: 0), Self.create(code: 12_052_023))
            let result = try ScenarioDerivation.derive(from: [cassette])
            #expect(try fixture.load(result).marketPolicies.isEmpty)
            #expect(Fixture.prose(result.scenarioYAML).contains("every market keeps the default"))
        }
    }

    @Test func disagreeingAnswersKeepTheLaterOneWithANoteAndARefusedV1ReadRefusesReads() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Self.create(code: 0),
                Self.create(code: 12_052_217),
                Fixture.exchange(
                    "GET",
                    "/product/202309/categories",
                    query: "shop_cipher: GCP_gb1, category_version: v1",
                    code: 12_052_217,
                    data: "null"
                )
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let policy = try #require(try fixture.load(result).marketPolicies[.gb])
            #expect(policy.v2Required)
            #expect(policy.v1ReadsRefused)
            #expect(result.notes.contains { $0.severity == .warning && $0.message.contains("v2_required_from") })
        }
    }
}
