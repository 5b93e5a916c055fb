import Foundation
import Scenarios
import Testing

private typealias Fixture = RecordingFixture

/// The options `conform` derives with: stand-in leaves for categories the catalogue lacks, and
/// the shop as the recording found it.
@Suite("Derivation: stand-ins and precedence")
struct StandInDerivationTests {
    @Test func aCategoryTheCatalogueLacksGetsAStandInLeafOfItsTreeThatUpgrades() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.search(version: "v1", Fixture.listed("1002")),
                Fixture.product("1002", title: "Real TikTok leaf", leaf: "912345")
            )
            let result = try ScenarioDerivation.derive(from: [cassette], options: .init(unknownCategories: .standIn))
            let scenario = try fixture.load(result)
            let product = try #require(scenario.products.first)
            let standIn = try #require(result.categoryStandIns["912345"])
            #expect(product.categoryID == standIn)
            #expect(product.categoryVersion == .v1, "the search found it on v1")
            let market = try scenario.catalogue.market(.gb)
            #expect(market.upgradeMap[standIn] != nil, "a stand-in on v1 moves when the task runs")
            #expect(Fixture.prose(result.scenarioYAML).contains("stands in for 912345"))
            #expect(try ScenarioDerivation.derive(from: [cassette]).categoryStandIns.isEmpty, "leaving out is the default")
        }
    }

    @Test func earliestKeepsTheShopAsTheRecordingFoundIt() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.product("1001", title: "Old title", status: "ACTIVATE", leaf: "600302"),
                Fixture.product("1001", title: "New title", status: "SELLER_DEACTIVATED", leaf: "731202")
            )
            let earliest = try #require(
                try fixture.load(ScenarioDerivation.derive(from: [cassette], options: .init(precedence: .earliest))).products.first
            )
            #expect(earliest.title == "Old title")
            #expect(earliest.status == .activate)
            #expect(earliest.categoryVersion == .v1)
            let latest = try #require(try fixture.load(ScenarioDerivation.derive(from: [cassette])).products.first)
            #expect(latest.title == "New title")
            #expect(latest.categoryVersion == .v2)
        }
    }
}
