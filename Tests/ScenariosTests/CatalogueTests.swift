import Foundation
import Scenarios
import Testing

@Suite("Catalogue")
struct CatalogueTests {
    static let markets: [Region] = [.gb, .de, .fr, .it, .es, .ie, .jp, .us, .id]

    @Test func shipsEveryMarket() {
        #expect(Set(Catalogue.builtIn.regions).isSuperset(of: Self.markets))
    }

    @Test(arguments: markets)
    func marketIsComplete(_ region: Region) throws {
        let market = try Catalogue.builtIn.market(region)
        #expect(market.region == region)
        for tree in [market.v1, market.v2] {
            #expect(tree.categories.count >= 200, "\(tree.version) has \(tree.categories.count) nodes")
            let roots = tree.categories.filter { $0.parentID == "0" }
            #expect(roots.count >= 8)
            #expect(tree.categories.allSatisfy { $0.id.count == 6 && $0.id.allSatisfy(\.isNumber) })
            let statuses = Set(tree.categories.flatMap(\.permissionStatuses))
            #expect(statuses == Set(Category.Permission.allCases), "\(tree.version) permission statuses vary")
        }
        #expect(market.v1.leaves.allSatisfy { market.v1.path(to: $0.id).count == 3 })
        let v2Depths = market.v2.leaves.map { market.v2.path(to: $0.id).count }
        #expect(v2Depths.max() == 7)
        #expect(v2Depths.min().map { $0 >= 4 } == true)
        #expect(market.v1.leaves.allSatisfy { !market.v2.contains($0.id) }, "v1 leaves are replaced in v2")
        #expect(market.v1.leaves.allSatisfy { market.upgradeMap[$0.id].flatMap { market.v2[$0] }?.isLeaf == true })
        #expect((market.v1.leaves + market.v2.leaves).allSatisfy { market.leaves[$0.id] != nil })
        #expect(market.leaves.values.allSatisfy { !$0.requiredAttributes.isEmpty })
        #expect(
            market.leaves.values.allSatisfy { details in
                Set(details.attributes.compactMap { $0["type"]?.string }) == ["SALES_PROPERTY", "PRODUCT_PROPERTY"]
            }
        )
        #expect(market.brands.contains { $0.isAuthorized })
        #expect(market.brands.contains { !$0.isAuthorized })
    }

    @Test(arguments: [(Region.de, "de-DE", "EUR"), (.jp, "ja-JP", "JPY"), (.gb, "en-GB", "GBP"), (.id, "id-ID", "IDR"), (.us, "en-US", "USD")])
    func namesAreInTheMarketsLocale(_ region: Region, _ locale: String, _ currency: String) throws {
        let market = try Catalogue.builtIn.market(region)
        #expect(market.locale == locale)
        #expect(market.currency == currency)
        if region == .jp {
            let japanese = market.v2.categories.filter {
                $0.localName.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x4E00...0x9FFF).contains($0.value) }
            }
            #expect(japanese.count * 10 >= market.v2.categories.count * 9)
        }
    }

    @Test func sameIDsNameTheSameConceptAcrossMarkets() throws {
        let gb = try Catalogue.builtIn.market(.gb)
        let de = try Catalogue.builtIn.market(.de)
        let shared = Set(gb.v2.categories.map(\.id)).intersection(de.v2.categories.map(\.id))
        #expect(shared.count * 10 >= gb.v2.categories.count * 8)
        #expect(gb.v2["601226"] == nil && gb.v1["601226"]?.isLeaf == true)
    }

    @Test func defaultScenarioProductsAreV1Leaves() throws {
        let scenario = try Scenario.default
        let market = try scenario.catalogue.market(.gb)
        #expect(scenario.products.allSatisfy { $0.categoryVersion == .v1 && market.v1[$0.categoryID]?.isLeaf == true })
    }

    @Test func scenarioProductOnTheWrongTreeIsLocated() {
        do {
            _ = try Scenario.parse("products:\n  - id: p\n    title: t\n    category_id: \"601226\"\n    category_version: v2\n", file: "qa.yaml")
            Issue.record("a v1 leaf was accepted as v2")
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.line == 4)
            #expect(diagnostic.keyPath == "products[0].category_id")
            #expect(diagnostic.message.contains("in the v1 tree"))
        }
    }

    @Test func brokenCatalogueFileIsLocated() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Catalogue.builtIn.directory.appendingPathComponent("GB"), to: directory.appendingPathComponent("GB"))
        let file = directory.appendingPathComponent("GB/v2/categories.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        let range = try #require(text.range(of: "\"AVAILABLE\""))
        text.replaceSubrange(range, with: "\"AVAILABEL\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let line = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        do {
            _ = try Catalogue(directory: directory).market(.gb)
            Issue.record("a broken catalogue was accepted")
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.file.hasSuffix("GB/v2/categories.json"))
            #expect(diagnostic.line == line)
            #expect(diagnostic.keyPath.hasPrefix("categories["))
        }
    }

    /// A scenario on a broken catalogue reports the catalogue's problem in its file, and points
    /// at its own `catalogue` key (both were once reported at the scenario's 1:1).
    @Test func aScenarioOnABrokenCatalogueReportsItInItsFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalogue-scenario-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Catalogue.builtIn.directory.appendingPathComponent("GB"), to: folder.appendingPathComponent("cat/GB"))
        try "{\n \"region\": \"GB\",\n \"locale\": \"en-GB\"\n \"currency\": \"GBP\"\n}\n".write(
            to: folder.appendingPathComponent("cat/GB/market.json"),
            atomically: true,
            encoding: .utf8
        )
        let scenario = folder.appendingPathComponent("s.yaml")
        try "name: x\ncatalogue: ./cat\n".write(to: scenario, atomically: true, encoding: .utf8)
        let broken = Linter.diagnostics(forFileAt: scenario)
        #expect(broken.contains { $0.file.hasSuffix("cat/GB/market.json") && $0.line == 4 }, "\(broken)")
        #expect(broken.contains { $0.file == scenario.path && $0.line == 2 && $0.keyPath == "catalogue" }, "\(broken)")

        try "name: x\ncatalogue: ./nothing\n".write(to: scenario, atomically: true, encoding: .utf8)
        let missing = Linter.diagnostics(forFileAt: scenario)
        #expect(missing.map { "\($0.line) \($0.keyPath)" } == ["2 catalogue"], "\(missing)")
        #expect(missing.first?.message.contains("no catalogue for market GB") == true)
    }

    @Test func missingMarketNamesTheMarketsThatExist() {
        do {
            _ = try Catalogue.builtIn.market(.br)
            Issue.record("a missing market was accepted")
        } catch {
            #expect(error.description.contains("no catalogue for market BR"))
            #expect(error.description.contains("GB"))
        }
    }
}
