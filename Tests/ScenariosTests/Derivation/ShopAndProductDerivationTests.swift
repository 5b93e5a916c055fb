import Foundation
import Scenarios
import Testing

/// The shops and products of a recording become the scenario's, each with a comment naming the
/// interaction it came from.
@Suite("Scenario derivation: shops and products")
struct ShopAndProductDerivationTests {
    typealias Fixture = RecordingFixture

    @Test func shopsComeFromGetAuthorizedShopsWithEveryField() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops(Fixture.gbShop, Fixture.deShop))
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            #expect(scenario.shops.map(\.id) == ["7495000000000000001", "7495000000000000002"])
            let de = try #require(scenario.shops.last)
            #expect(de.name == "Ahorn DE")
            #expect(de.region == .de)
            #expect(de.sellerType == .crossBorder)
            #expect(de.cipher == "GCP_de1")
            #expect(de.code == "DECB0002")
            #expect(result.scenarioYAML.contains("# from rec.yaml#1 (get_authorized_shops)"))
            #expect(result.counts.shops == 2)
        }
    }

    @Test func productsTakeTheirCategoryVersionStatusBrandAttributesAndAge() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.search(version: "v1", Fixture.listed("1001")),
                Fixture.product(
                    "1001",
                    extra:
                        "brand: {id: '7790675454519524368', name: Aster Jewels}, product_attributes: [{id: '100392', name: Material, values: [{id: '2001', name: Wax}]}]"
                )
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            let product = try #require(scenario.products.first)
            #expect(product.id == "1001")
            #expect(product.shopID == "7495000000000000001")
            #expect(product.title == "Soy Candle")
            #expect(product.status == .activate)
            #expect(product.categoryID == "600302")
            #expect(product.categoryVersion == .v1)
            #expect(product.brandID == "7790675454519524368")
            #expect(product.attributes == ["100392": ["2001"]])
            #expect(product.liveFor == HumanDuration(seconds: 3 * 86_400), "create_time against recorded.at")
            #expect(scenario.clockStart == Date(timeIntervalSince1970: TimeInterval(Fixture.recordedAt)))
            #expect(result.scenarioYAML.contains("# from rec.yaml#2 (search_products), rec.yaml#3 (get_product)"))
            #expect(result.scenarioYAML.contains("category_id: \"600302\"  # the leaf of rec.yaml#3 (get_product)"))
            #expect(result.scenarioYAML.contains("the GB v1 tree holds 600302"))
        }
    }

    @Test func aLeafOfTheSevenLevelTreeIsOnV2() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops(Fixture.gbShop), Fixture.product("1001", leaf: "731202"))
            let scenario = try fixture.load(try ScenarioDerivation.derive(from: [cassette]))
            #expect(scenario.products.first?.categoryID == "731202")
            #expect(scenario.products.first?.categoryVersion == .v2)
        }
    }

    @Test func laterAnswersWinOverEarlierOnesAcrossCassettes() throws {
        try Fixture.with { fixture in
            let first = try fixture.cassette(
                named: "first.yaml",
                Fixture.shops(Fixture.gbShop),
                Fixture.product("1001", title: "Old title", status: "ACTIVATE", leaf: "600302")
            )
            let second = try fixture.cassette(
                named: "second.yaml",
                Fixture.search(Fixture.listed("1002", title: "A towel")),
                Fixture.product("1001", title: "New title", status: "SELLER_DEACTIVATED", leaf: "731202"),
                Fixture.product("1002", title: "A towel", leaf: "600311")
            )
            let scenario = try fixture.load(try ScenarioDerivation.derive(from: [first, second]))
            #expect(scenario.products.map(\.id) == ["1001", "1002"], "in the order first seen")
            let product = try #require(scenario.products.first)
            #expect(product.title == "New title")
            #expect(product.status == .sellerDeactivated)
            #expect(product.categoryID == "731202")
            #expect(product.categoryVersion == .v2)
        }
    }

    @Test func aProductOfSeveralShopsNamesItsShopByTheRequestsCipher() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop, Fixture.deShop),
                Fixture.product("1001"),
                Fixture.product("2001", cipher: "GCP_de1", leaf: "601226")
            )
            let scenario = try fixture.load(try ScenarioDerivation.derive(from: [cassette]))
            #expect(scenario.products.map(\.shopID) == ["7495000000000000001", "7495000000000000002"])
        }
    }

    @Test func aProductWhoseCategoryTheCatalogueLacksIsLeftOutWithTheReasonAndTheScenarioStillLoads() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.product("1001"),
                Fixture.product("1002", title: "Real TikTok leaf", leaf: "912345"),
                Fixture.product("1003", title: "Not a leaf", leaf: "600001")
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let scenario = try fixture.load(result)
            #expect(scenario.products.map(\.id) == ["1001"])
            #expect(result.counts.productsLeftOut == 2)
            #expect(
                Fixture.prose(result.scenarioYAML).contains("product 1002 (Real TikTok leaf) left out: category 912345 is in neither tree of the GB")
            )
            #expect(Fixture.prose(result.scenarioYAML).contains("--catalogue"))
            #expect(result.notes.contains { $0.message.contains("category 600001 is not a leaf of the GB catalogue") })
        }
    }

    @Test func aProductOnlySearchedForIsLeftOutSayingToRecordGetProduct() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops(Fixture.gbShop), Fixture.search(version: "v1", Fixture.listed("1001")))
            let result = try ScenarioDerivation.derive(from: [cassette])
            #expect(try fixture.load(result).products.isEmpty)
            #expect(Fixture.prose(result.scenarioYAML).contains("record a Get Product (GET /product/202309/products/1001)"))
        }
    }

    @Test func aBrandTheCatalogueLacksIsDroppedAndTheProductKept() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                Fixture.shops(Fixture.gbShop),
                Fixture.product("1001", extra: "brand: {id: '1234', name: Unknown}")
            )
            let result = try ScenarioDerivation.derive(from: [cassette])
            let product = try #require(try fixture.load(result).products.first)
            #expect(product.brandID == nil)
            #expect(result.scenarioYAML.contains("brand 1234 of rec.yaml#2 (get_product) is not in the GB catalogue"))
        }
    }

    @Test func withoutRecordedAtTheClockStartsAtTheLatestTimeInTheAnswers() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(
                recordedAt: nil,
                Fixture.shops(Fixture.gbShop),
                Fixture.product("1001", created: 1_795_000_000),
                Fixture.product("1002", leaf: "600311", created: 1_795_086_400)
            )
            let scenario = try fixture.load(try ScenarioDerivation.derive(from: [cassette]))
            #expect(scenario.clockStart == Date(timeIntervalSince1970: 1_795_086_400))
            #expect(scenario.products.map(\.liveFor.seconds) == [86_400, 0])
        }
    }

    @Test func textThatLooksLikeYAMLReadsBackExactly() throws {
        try Fixture.with { fixture in
            let title = #"Mug: "Best" # 1, 50% off \ 'quoted' – 日本"#
            let cassette = try fixture.cassette(
                Fixture.shops("{id: '7495000000000000001', name: 'true', region: GB, seller_type: LOCAL, cipher: '007', code: 'null'}"),
                Fixture.product("1001", title: title.replacingOccurrences(of: "'", with: "''"))
            )
            let scenario = try fixture.load(try ScenarioDerivation.derive(from: [cassette]))
            #expect(scenario.products.first?.title == title)
            #expect(scenario.shops.first?.name == "true")
            #expect(scenario.shops.first?.cipher == "007")
            #expect(scenario.shops.first?.code == "null")
        }
    }
}
