import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Webhook delivery")
struct WebhookDeliveryTests {
    typealias F = UpgradeFixture

    /// A task over the three eligible products, run to its end.
    func upgradeAll(_ f: UpgradeFixture) async throws {
        try await f.triggerUpgrade()
        await f.advance("2h")
    }

    /// Only the mugs upgrade (the two other eligible products fail), one second into the task.
    static func oneProduct(_ scenario: inout Scenario) {
        scenario.upgrade.duration = HumanDuration(seconds: 1)
        scenario.upgrade.failures = [.init(productID: F.jumper), .init(productID: F.board)]
    }

    @Test func signaturesVerifyWithTheReferenceAlgorithm() async throws {
        try await F.run { f in
            try await upgradeAll(f)
            #expect(f.receiver.received.count == 3)
            #expect(f.receiver.received.allSatisfy(f.receiver.isSigned))
            let journaled = try await f.server.journal.webhookDeliveries()
            #expect(journaled.map(\.outcome) == [.acknowledged, .acknowledged, .acknowledged])
            #expect(journaled.map(\.signature) == f.receiver.received.map(\.authorization))
            #expect(journaled.map(\.payload) == f.receiver.received.map(\.body))
            #expect(journaled.allSatisfy { $0.target == f.receiver.url && $0.responseStatus == 200 && $0.latencyMicroseconds != nil })
        }
    }

    @Test func aSlowWebhookArrivesFortyVirtualMinutesLate() async throws {
        try await F.run(scenario: F.scenario { $0.webhooks.delay = HumanDuration(parsing: "40m")! }) { f in
            try await f.triggerUpgrade()
            await f.advance("2h")
            #expect(f.receiver.received.count == 2, "the third product moved at 2h; its webhook is due at 2h40m")
            #expect(try await f.search("v2").count == 3, "the shop changed long before the webhook says so")
            await f.advance("40m")
            #expect(f.receiver.received.count == 3)
            let moves = try await f.server.journal.shopEvents().filter { $0.kind == .productCategoryChanged }
            let deliveries = try await f.server.journal.webhookDeliveries()
            for delivery in deliveries {
                let move = try #require(
                    moves.first { $0.productID == f.receiver.received.first { $0.notificationID == delivery.notificationID }?.productID }
                )
                #expect(delivery.scenarioTime - move.scenarioTime == 2400)
            }
        }
    }

    @Test func aFailedAttemptIsRetriedOnThePlatformSchedule() async throws {
        try await F.run(script: [.status(500), .status(503), .status(200)], scenario: F.scenario(Self.oneProduct)) { f in
            try await f.triggerUpgrade()
            await f.advance("1h")
            let attempts = try await f.server.journal.webhookDeliveries().filter { $0.notificationID == f.receiver.received[0].notificationID }
            #expect(attempts.map(\.attempt) == [1, 2, 3])
            #expect(attempts.map(\.responseStatus) == [500, 503, 200])
            #expect(attempts.map(\.outcome) == [.failed, .failed, .acknowledged])
            #expect(attempts[1].scenarioTime - attempts[0].scenarioTime == 120, "the first retry comes 2 minutes later")
            #expect(attempts[2].scenarioTime - attempts[1].scenarioTime == 1800, "the second 30 minutes after that")
        }
    }

    @Test func aReceiverThatTakesTooLongFailsTheAttemptAndIsRetried() async throws {
        try await F.run(
            script: [.slow(.seconds(5))],
            scenario: F.scenario {
                Self.oneProduct(&$0)
                // Half the slow answer's 5 s: the slow one misses it, the quick second answer has
                // 2.5 s to make it even on a loaded machine (1 s was missed under load 10).
                $0.webhooks.acknowledgementTimeout = HumanDuration(milliseconds: 2500)
            }
        ) { f in
            try await f.triggerUpgrade()
            await f.advance("1h")
            let attempts = try await f.server.journal.webhookDeliveries()
            #expect(attempts.first?.outcome == .failed)
            #expect(attempts.first?.responseStatus == nil)
            #expect(attempts.first?.error?.contains("no answer within") == true, "\(attempts.first?.error ?? "")")
            #expect(attempts.dropFirst().first?.outcome == .acknowledged)
            #expect(attempts.dropFirst().first?.attempt == 2)
        }
    }

    @Test func retriesStopAfterTheLastOneOfTheSchedule() async throws {
        try await F.run(
            script: Array(repeating: .status(500), count: 10),
            scenario: F.scenario {
                Self.oneProduct(&$0)
                $0.webhooks.retries = [HumanDuration(seconds: 60), HumanDuration(seconds: 60)]
            }
        ) { f in
            try await f.triggerUpgrade()
            await f.advance("1d")
            let attempts = try await f.server.journal.webhookDeliveries().filter { $0.notificationID == f.receiver.received[0].notificationID }
            #expect(attempts.map(\.attempt) == [1, 2, 3])
            #expect(f.server.webhooks.pending.isEmpty)
        }
    }

    @Test func duplicatesAndAForgedDeliveryArriveAsConfigured() async throws {
        try await F.run(
            script: Array(repeating: .verifying, count: 20),
            scenario: F.scenario {
                $0.webhooks.duplicates = 1
                $0.webhooks.forged = 1
            }
        ) { f in
            try await upgradeAll(f)
            await f.advance("1m")
            let received = f.receiver.received
            #expect(received.count == 3 * 2 + 1)
            let forged = received.filter { !f.receiver.isSigned($0) }
            #expect(forged.count == 1)
            let byNotification = Dictionary(grouping: received.filter(f.receiver.isSigned), by: \.notificationID)
            #expect(byNotification.count == 3)
            #expect(byNotification.values.allSatisfy { $0.count == 2 && $0[0].body == $0[1].body }, "a duplicate is the same body, same id")
            let journaled = try await f.server.journal.webhookDeliveries()
            #expect(journaled.filter(\.isForged).map(\.responseStatus) == [401], "the receiver refused the forgery")
            #expect(journaled.filter(\.isForged).count == 1, "a forgery is not retried")
            #expect(journaled.filter(\.isDuplicate).count == 3)
        }
    }

    @Test func outOfOrderDeliversEachPairSwapped() async throws {
        try await F.run(scenario: F.scenario { $0.webhooks.outOfOrder = HumanDuration(parsing: "1h") }) { f in
            try await upgradeAll(f)
            #expect(f.receiver.received.map(\.productID) == [F.mugs, F.jumper], "the second change arrives before the first")
            await f.advance("1h")
            #expect(f.receiver.received.map(\.productID) == [F.mugs, F.jumper, F.board], "the odd one out when its window ends")
        }
    }

    @Test func aDroppedNotificationIsNeverSentButIsJournaled() async throws {
        try await F.run(scenario: F.scenario { $0.webhooks.dropped = [F.jumper] }) { f in
            try await upgradeAll(f)
            #expect(Set(f.receiver.received.map(\.productID)) == [F.mugs, F.board])
            let dropped = try await f.server.journal.webhookDeliveries().filter { $0.outcome == .dropped }
            #expect(dropped.count == 1)
            #expect(try await f.search("v2").contains(F.jumper), "the product did move")
        }
    }
}
