import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Category Upgrade Task")
struct UpgradeTaskTests {
    typealias F = UpgradeFixture

    @Test func skipsProductsUnder24HoursUntilARetriggerOnceTheyAreOldEnough() async throws {
        try await F.run { f in
            let all = [F.jumper, F.mugs, F.board, F.bodysuit].sorted()
            #expect(try await f.search("v1") == all)
            #expect(try await f.search("v2") == [])

            try await f.triggerUpgrade()
            #expect(try await f.search("v1") == all, "nothing moves at once: the task is asynchronous")
            await f.advance("1h")
            let during = try await f.search("v2")
            #expect(during.count == 1, "one of three eligible products has moved an hour into a two-hour task")
            #expect(Set(try await f.search("v1")).isSuperset(of: [F.bodysuit]))
            await f.advance("1h")
            #expect(try await f.search("v2") == [F.jumper, F.mugs, F.board].sorted())
            #expect(try await f.search("v1") == [F.bodysuit], "the 6-hour-old product was skipped silently")
            #expect(try await f.search(nil) == all)

            for (id, v1Leaf) in [(F.jumper, "601226"), (F.mugs, "600942"), (F.board, "600958")] {
                #expect(try await f.categoryOf(id) == f.market.upgradeMap[v1Leaf])
            }
            let deliveries = f.receiver.received
            #expect(deliveries.count == 3)
            #expect(Set(deliveries.map(\.productID)) == [F.jumper, F.mugs, F.board])
            #expect(deliveries.allSatisfy { f.market.upgradeMap[$0.previousCategoryID] == $0.currentCategoryID })
            #expect(deliveries.allSatisfy { $0.json["type"] == .number(18) && $0.json["shop_id"]?.string == f.server.credentials.shopID })

            try await f.triggerUpgrade()  // too early: the product is 8 hours old
            await f.advance("2h")
            #expect(try await f.search("v1") == [F.bodysuit])
            await f.advance("14h")  // now 24 hours old
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(try await f.search("v1") == [])
            #expect(try await f.categoryOf(F.bodysuit) == f.market.upgradeMap["601452"])
            #expect(f.receiver.received.count == 4)

            let events = try await f.server.journal.shopEvents()
            #expect(events.filter { $0.kind == .productUpgradeSkipped && $0.productID == F.bodysuit }.count == 2)
            #expect(events.filter { $0.kind == .productCategoryChanged }.count == 4)
        }
    }

    /// The operation's documented error table: 12052234 while the shop's task runs.
    @Test func aRetriggerWhileATaskRunsIsRefusedWith12052234() async throws {
        try await F.run { f in
            try await f.triggerUpgrade()
            await f.advance("30m")
            let answer = try await f.client.call(.POST, "/product/202407/products/category_upgrade_task")
            #expect(answer.code == 12_052_234)
            #expect(try answer.envelope.message == "Please wait for the current task to finish (maximum 2 hours) and try again.")
            await f.advance("2h")
            #expect(f.receiver.received.count == 3, "no product moves twice")
            let events = try await f.server.journal.shopEvents()
            #expect(events.filter { $0.kind == .upgradeTaskStarted }.count == 1)
            #expect(events.filter { $0.kind == .upgradeTaskIgnored }.count == 1)
            try await f.triggerUpgrade()  // the task is over: a new one starts
        }
    }

    @Test func aRetriggerWhileATaskRunsIsAcceptedAndIgnoredWhenTheScenarioSaysSo() async throws {
        try await F.run(scenario: F.scenario { $0.upgrade.whileRunning = .accept }) { f in
            try await f.triggerUpgrade()
            await f.advance("30m")
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(f.receiver.received.count == 3, "no product moves twice")
            let events = try await f.server.journal.shopEvents()
            #expect(events.filter { $0.kind == .upgradeTaskStarted }.count == 1)
            #expect(events.filter { $0.kind == .upgradeTaskIgnored }.count == 1)
        }
    }

    @Test func aFailingProductStaysOnV1WithNoWebhookUntilATaskSucceeds() async throws {
        try await F.run(scenario: F.scenario { $0.upgrade.failures = [.init(productID: F.mugs, attempts: 1)] }) { f in
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(try await f.search("v1") == [F.mugs, F.bodysuit].sorted())
            #expect(!f.receiver.received.contains { $0.productID == F.mugs })
            #expect(try await f.server.journal.shopEvents().contains { $0.kind == .productUpgradeFailed && $0.productID == F.mugs })
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(try await f.search("v1") == [F.bodysuit])
            #expect(f.receiver.received.contains { $0.productID == F.mugs })
        }
    }

    @Test(arguments: [UpgradeBehaviour.Order.listed, .reverse, .shuffled])
    func theOrderIsTheScenarios(_ order: UpgradeBehaviour.Order) async throws {
        var orders: [[String]] = []
        for _ in 0..<2 {
            try await F.run(scenario: F.scenario { $0.upgrade.order = order }) { f in
                try await f.triggerUpgrade()
                await f.advance("2h")
                orders.append(f.receiver.received.map(\.productID))
            }
        }
        #expect(orders[0] == orders[1], "the same every run")
        let listed = [F.jumper, F.mugs, F.board]
        if order == .listed { #expect(orders[0] == listed) }
        if order == .reverse { #expect(orders[0] == listed.reversed()) }
    }

    @Test func theDurationSpreadsTheMoves() async throws {
        try await F.run(scenario: F.scenario { $0.upgrade.duration = HumanDuration(seconds: 600) }) { f in
            try await f.triggerUpgrade()
            await f.advance("10m")
            #expect(try await f.search("v2").count == 3)
            let moves = try await f.server.journal.shopEvents().filter { $0.kind == .productCategoryChanged }.map(\.scenarioTime)
            let start = Int64(f.server.scenario.clockStart.timeIntervalSince1970)
            #expect(moves == [start + 200, start + 400, start + 600])
        }
    }

    @Test func anEditThatChangesTheCategorySendsAWebhookToo() async throws {
        try await F.run { f in
            let fixture = try ListingFixture(f.server)
            let leaf = try fixture.leaf(.v2)
            let answer = try await f.client.call(.PUT, "/product/202309/products/\(F.board)", json: fixture.validBody(for: leaf, version: .v2))
            #expect(answer.code == 0)
            await f.advance("1h")  // the category changes when the edit's audit passes
            #expect(await f.server.webhooks.awaitIdle(timeout: .seconds(5)))
            let delivery = try #require(f.receiver.received.first)
            #expect(delivery.productID == F.board)
            #expect(delivery.previousCategoryID == "600958")
            #expect(delivery.currentCategoryID == leaf.id)
            #expect(try await f.search("v2") == [F.board])
        }
    }
}
