import Foundation
import ReplayServer
import Scenarios
import Testing

/// Every happy-path scenario upgrades completely: its market's upgrade map covers its products.
@Suite("Shipped happy paths upgrade")
struct ShippedUpgradeTests {
    @Test(arguments: Scenario.builtInNames.filter { $0.hasPrefix("happy-path-") })
    func everyProductMovesToTheV2Tree(_ name: String) async throws {
        var scenario = try Scenario.builtIn(named: name)
        scenario.webhooks.acknowledgementTimeout = UpgradeFixture.acknowledgementTimeout
        try await UpgradeFixture.run(scenario: scenario) { f in
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(await f.server.webhooks.awaitIdle(timeout: .seconds(10)))
            #expect(try await f.search("v1") == [])
            #expect(try await f.search("v2") == scenario.products.map(\.id).sorted())
            #expect(f.receiver.received.count == scenario.products.count)
            #expect(f.receiver.received.allSatisfy(f.receiver.isSigned))
            #expect(f.receiver.received.allSatisfy { f.market.upgradeMap[$0.previousCategoryID] == $0.currentCategoryID })
        }
    }
}
