import Foundation
import Scenarios
import Testing

@Suite("Scenario loading")
struct ScenarioLoadingTests {
    @Test func defaultScenarioIsAGBLocalShopWithOneProductTooNewToUpgrade() throws {
        let scenario = try Scenario.default
        #expect(scenario.name == "default")
        #expect(scenario.shops.count == 1)
        #expect(scenario.primaryShop.region == .gb)
        #expect(scenario.primaryShop.sellerType == .local)
        #expect(scenario.products.count >= 3)
        #expect(scenario.products.allSatisfy { $0.status == .activate && $0.shopID == scenario.primaryShop.id })
        let young = scenario.products.filter { $0.liveFor < HumanDuration(seconds: 86_400) }
        #expect(young.count == 1)
        #expect(scenario.products.filter { $0.liveFor >= HumanDuration(seconds: 2 * 86_400) }.count >= 2)
        #expect(Scenario.builtInNames.contains("default"))
    }

    @Test func minimalScenarioGetsDefaultsForEverything() throws {
        let scenario = try Scenario.parse("name: tiny\n")
        #expect(scenario.name == "tiny")
        #expect(scenario.shops.count == 1)
        #expect(scenario.accessTokens.count == 1)
        #expect(scenario.products.isEmpty)
        #expect(scenario.gateway.relaxed.isEmpty)
        #expect(scenario.clockStart == Scenario.defaultClockStart)
    }

    @Test func readsEveryKey() throws {
        let scenario = try Scenario.parse(
            """
            name: full
            description: every key
            seed: 42
            clock:
              start: 2026-01-12T00:00:00Z
            app: {key: k, secret: s}
            access_tokens:
              - {token: t1, expires_in: 2h}
              - {token: t0, expires_in: -1h}
            shops:
              - {id: "1", name: One, region: DE, seller_type: CROSS_BORDER, cipher: ROW_1, code: DECB1}
              - {id: "2", region: JP}
            products:
              - {id: p1, shop: "1", title: Tee, category_id: "601226", status: DRAFT, live_for: 90s}
            gateway:
              relax: [sign, timestamp]
            """
        )
        #expect(scenario.seed == 42)
        #expect(scenario.clockStart == Date(timeIntervalSince1970: 1_768_176_000))
        #expect(scenario.app == AppCredentials(key: "k", secret: "s"))
        #expect(scenario.accessTokens.map(\.expiresIn.seconds) == [7200, -3600])
        #expect(scenario.shops[0] == Shop(id: "1", name: "One", region: .de, sellerType: .crossBorder, cipher: "ROW_1", code: "DECB1"))
        #expect(scenario.shops[1].region == .jp)
        #expect(scenario.products[0].status == .draft)
        #expect(scenario.products[0].liveFor.seconds == 90)
        #expect(scenario.gateway.relaxed == [.sign, .timestamp])
    }

    @Test(arguments: [
        BrokenCase(
            name: "unknown key",
            yaml: "name: x\nshops:\n  - id: \"1\"\n    regoin: GB\n",
            line: 4,
            column: 5,
            keyPath: "shops[0].regoin",
            message: "did you mean 'region'?"
        ),
        BrokenCase(name: "wrong type", yaml: "name: x\nseed: many\n", line: 2, column: 7, keyPath: "seed", message: "expected"),
        BrokenCase(
            name: "bad duration",
            yaml: "products:\n  - id: p\n    title: t\n    category_id: \"1\"\n    live_for: 2 days\n",
            line: 5,
            column: 15,
            keyPath: "products[0].live_for",
            message: "is not a duration"
        ),
        BrokenCase(
            name: "value outside the set",
            yaml: "shops:\n  - id: \"1\"\n    region: EU\n",
            line: 3,
            column: 13,
            keyPath: "shops[0].region",
            message: "'EU' is not one of"
        ),
        BrokenCase(
            name: "UK for GB",
            yaml: "shops:\n  - id: \"1\"\n    region: UK\n",
            line: 3,
            column: 13,
            keyPath: "shops[0].region",
            message: "the API writes the United Kingdom as GB"
        ),
        BrokenCase(
            name: "relaxing an unknown check",
            yaml: "gateway:\n  relax: [signature]\n",
            line: 2,
            column: 11,
            keyPath: "gateway.relax[0]",
            message: "did you mean 'sign'?"
        ),
        BrokenCase(
            name: "an unknown prerequisite check item",
            yaml: "shops:\n  - id: \"1\"\n    failing_prerequisites:\n      - check_item: SHOP_TAXES\n",
            line: 4,
            column: 21,
            keyPath: "shops[0].failing_prerequisites[0].check_item",
            message: "did you mean 'SHOP_TAX'?"
        ),
        BrokenCase(
            name: "missing required key",
            yaml: "products:\n  - id: p\n    category_id: \"1\"\n",
            line: 2,
            column: 5,
            keyPath: "products[0]",
            message: "missing required key 'title'"
        ),
        BrokenCase(
            name: "duplicate product id",
            yaml: "products:\n  - {id: p, title: a, category_id: \"601226\"}\n  - {id: p, title: b, category_id: \"601226\"}\n",
            line: 3,
            column: 10,
            keyPath: "products[1].id",
            message: "duplicate product id 'p'"
        ),
        BrokenCase(
            name: "product of an unknown shop",
            yaml: "products:\n  - {id: p, shop: \"9\", title: a, category_id: \"1\"}\n",
            line: 2,
            column: 19,
            keyPath: "products[0].shop",
            message: "no shop with id '9'"
        ),
        BrokenCase(name: "bad instant", yaml: "clock:\n  start: yesterday\n", line: 2, column: 10, keyPath: "clock.start", message: "ISO 8601"),
        BrokenCase(name: "YAML syntax", yaml: "name: [unclosed\n", line: 2, column: 1, keyPath: "", message: "YAML syntax"),
        BrokenCase(name: "not a mapping", yaml: "- just\n- a list\n", line: 1, column: 1, keyPath: "", message: "a scenario is a mapping"),
        BrokenCase(name: "empty file", yaml: "\n  \n", line: 0, column: 0, keyPath: "", message: "empty"),
    ])
    func brokenScenarioIsLocated(_ broken: BrokenCase) {
        do {
            _ = try Scenario.parse(broken.yaml, file: "qa.yaml")
            Issue.record("\(broken.name) was accepted")
        } catch {
            let diagnostic = error.diagnostics[0]
            #expect(diagnostic.file == "qa.yaml")
            #expect(diagnostic.line == broken.line)
            #expect(diagnostic.column == broken.column)
            #expect(diagnostic.keyPath == broken.keyPath)
            #expect(diagnostic.message.contains(broken.message), "\(diagnostic)")
            #expect(diagnostic.description.hasPrefix(broken.line > 0 ? "qa.yaml:\(broken.line):\(broken.column): error: " : "qa.yaml: error: "))
        }
    }

    @Test func missingFileAndBinaryFileAreDiagnosticsNotCrashes() throws {
        #expect(throws: DiagnosticError.self) { try Scenario.load(contentsOf: URL(fileURLWithPath: "/nonexistent/scenario.yaml")) }
        let binary = FileManager.default.temporaryDirectory.appendingPathComponent("binary-\(UUID().uuidString).yaml")
        try Data([0x00, 0xFF, 0xFE, 0x01, 0x80]).write(to: binary)
        defer { try? FileManager.default.removeItem(at: binary) }
        do {
            _ = try Scenario.load(contentsOf: binary)
            Issue.record("a binary file was accepted")
        } catch {
            #expect(error.diagnostics[0].message.contains("contains a NUL byte at 1:1"))
        }
    }

    @Test func unknownBuiltInNameSuggestsTheClosest() {
        do {
            _ = try Scenario.named("defualt")
            Issue.record("an unknown name was accepted")
        } catch {
            #expect(error.description.contains("did you mean 'default'?"))
        }
    }
}
