import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// The product audit on the virtual clock (docs/upgrade-and-webhooks.md, "The product audit").
@Suite("Audit lifecycle")
struct AuditLifecycleTests {
    static let mugs = UpgradeFixture.mugs

    @Test func anEditWaitsForItsAuditThenPublishesWithWebhooks5And37And18() async throws {
        try await AuditFixture.run { fixture in
            let before = try await fixture.product(Self.mugs)
            let leaf = try await fixture.editToV2(Self.mugs, title: "Mugs, edited")

            let live = try await fixture.product(Self.mugs)
            #expect(live["title"] == before["title"], "the live product keeps its old content")
            #expect(AuditFixture.leaf(of: live) == AuditFixture.leaf(of: before), "and its old category")
            #expect(live["status"]?.string == "ACTIVATE")
            #expect(live["audit"]?["status"]?.string == "AUDITING")
            let underReview = try await fixture.product(Self.mugs, underReview: true)
            #expect(underReview["title"]?.string == "Mugs, edited")
            #expect(AuditFixture.leaf(of: underReview) == leaf.id)
            #expect(await fixture.webhooks().map(\.type) == [37], "only the audit's start so far")

            await fixture.server.clock.advance(by: .seconds(3600))

            let published = try await fixture.product(Self.mugs)
            #expect(published["title"]?.string == "Mugs, edited")
            #expect(AuditFixture.leaf(of: published) == leaf.id)
            #expect(published["audit"]?["status"]?.string == "APPROVED")
            #expect(published["audit_failed_reasons"]?.array == [])
            let webhooks = await fixture.webhooks()
            #expect(webhooks.map(\.type) == [37, 5, 37, 18])
            #expect(webhooks.map { $0.data["audit"]?["status"]?.string } == ["AUDITING", nil, "APPROVED", nil])
            #expect(webhooks[1].data["status"]?.string == "PRODUCT_STATUS_CHANGED")
            #expect(webhooks[1].data["product_id"]?.number == Double(Self.mugs), "types 5 and 37 carry product_id as a number")
            #expect(webhooks[3].data["product_id"]?.string == Self.mugs, "type 18 as a string")
            #expect(webhooks[3].data["current_category_id"]?.string == leaf.id)
            #expect(fixture.upgrade.receiver.received.allSatisfy(fixture.upgrade.receiver.isSigned))
        }
    }

    /// PRODUCT_CREATION (16) at a create, PRODUCT_INFORMATION_CHANGE (15) when an edit of a
    /// live product is published, to a receiver registered for them (they were never sent).
    @Test func creationAndInformationChangeWebhooksAreSentToTheirSubscribers() async throws {
        try await AuditFixture.run { fixture in
            for type in ["PRODUCT_CREATION", "PRODUCT_INFORMATION_CHANGE"] {
                let answer = try await fixture.client.call(
                    .PUT,
                    "/event/202309/webhooks",
                    json: ["address": fixture.upgrade.receiver.url, "event_type": type]
                )
                #expect(answer.code == 0)
            }
            let created = try await fixture.listing.createProduct(on: try fixture.listing.leaf(.v2), version: .v2, title: "A new mug")
            let leaf = try await fixture.editToV2(Self.mugs, title: "Mugs, edited")
            await fixture.server.clock.advance(by: .seconds(3600))
            let webhooks = await fixture.webhooks()
            let creation = try #require(webhooks.first { $0.type == 16 })
            #expect(creation.data["product_id"]?.number == Double(created), "type 16 carries product_id as a number")
            #expect(creation.data["product_types"]?.array == [])
            let changes = webhooks.filter { $0.type == 15 }
            #expect(changes.count == 1, "the new product's first audit is no information change")
            let change = try #require(changes.first)
            #expect(change.data["product_id"]?.string == Self.mugs, "type 15 carries product_id as a string")
            #expect(change.data["change_source"]?.string == "OPEN_API")
            let fields = change.data["changed_fields"]?.array?.compactMap(\.string) ?? []
            #expect(fields.contains("title") && fields.contains("others"), "\(fields); the category moved to \(leaf.id)")
        }
    }

    @Test func aFailedAuditKeepsTheOldVersionWithItsReasons() async throws {
        let reasons = ["The main image contains a watermark."]
        try await AuditFixture.run(
            scenario: try UpgradeFixture.scenario { $0.audit.failures = [.init(productID: Self.mugs, reasons: reasons, suggestions: ["Remove it."])] }
        ) { fixture in
            let before = try await fixture.product(Self.mugs)
            try await fixture.editToV2(Self.mugs, title: "Mugs, refused")
            await fixture.server.clock.advance(by: .seconds(3600))

            let after = try await fixture.product(Self.mugs)
            #expect(after["title"] == before["title"])
            #expect(AuditFixture.leaf(of: after) == AuditFixture.leaf(of: before))
            #expect(after["status"]?.string == "ACTIVATE", "the old version stays live")
            #expect(after["audit"]?["status"]?.string == "FAILED")
            #expect(after["audit_failed_reasons"]?[0]?["reasons"]?.array?.compactMap(\.string) == reasons)
            #expect(after["audit_failed_reasons"]?[0]?["suggestions"]?[0]?.string == "Remove it.")
            #expect(after["audit_failed_reasons"]?[0]?["listing_platform"]?.string == "TIKTOK_SHOP")
            let webhooks = await fixture.webhooks()
            #expect(webhooks.map(\.type) == [37, 5, 37], "no category change")
            #expect(webhooks[1].data["status"]?.string == "PRODUCT_AUDIT_FAILURE")
            #expect(webhooks[1].data["suspended_reason"]?.string == reasons[0])
            #expect(webhooks[2].data["audit"]?["status"]?.string == "FAILED")
        }
    }

    @Test func aFailureForOneAttemptLetsTheNextAuditPass() async throws {
        try await AuditFixture.run(scenario: try UpgradeFixture.scenario { $0.audit.failures = [.init(productID: Self.mugs, attempts: 1)] }) {
            fixture in
            try await fixture.editToV2(Self.mugs, title: "Mugs, first try")
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(try await fixture.product(Self.mugs)["audit"]?["status"]?.string == "FAILED")
            try await fixture.editToV2(Self.mugs, title: "Mugs, second try")
            await fixture.server.clock.advance(by: .seconds(3600))
            let after = try await fixture.product(Self.mugs)
            #expect(after["title"]?.string == "Mugs, second try")
            #expect(after["audit_failed_reasons"]?.array == [], "a pass clears the reasons")
        }
    }

    @Test func aNewProductIsPendingUntilItsFirstAuditPasses() async throws {
        try await AuditFixture.run { fixture in
            let id = try await fixture.listing.createProduct(on: try fixture.listing.leaf(.v2), version: .v2, title: "New")
            #expect(try await fixture.product(id)["status"]?.string == "PENDING")
            #expect(try await fixture.product(id)["audit"]?["status"]?.string == "AUDITING")
            await fixture.server.clock.advance(by: .seconds(3599))
            #expect(try await fixture.product(id)["status"]?.string == "PENDING", "one second early")
            await fixture.server.clock.advance(by: .seconds(1))
            #expect(try await fixture.product(id)["status"]?.string == "ACTIVATE")
            let webhooks = await fixture.webhooks()
            #expect(webhooks.map(\.type) == [37, 5, 37])
            #expect(webhooks[1].data["status"]?.string == "PRODUCT_FIRST_PASS_REVIEW")
        }
    }

    @Test func theAuditTakesTheScenariosDuration() async throws {
        try await AuditFixture.run(scenario: try UpgradeFixture.scenario { $0.audit.duration = HumanDuration(seconds: 7200) }) { fixture in
            try await fixture.editToV2(Self.mugs, title: "Mugs, slow")
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(try await fixture.product(Self.mugs)["audit"]?["status"]?.string == "AUDITING")
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(try await fixture.product(Self.mugs)["title"]?.string == "Mugs, slow")
        }
    }

    @Test func aZeroDurationCompletesTheAuditWithinTheCall() async throws {
        try await AuditFixture.run(scenario: try UpgradeFixture.scenario { $0.audit.duration = HumanDuration(seconds: 0) }) { fixture in
            let leaf = try await fixture.editToV2(Self.mugs, title: "Mugs, at once")
            let after = try await fixture.product(Self.mugs)
            #expect(after["title"]?.string == "Mugs, at once")
            #expect(AuditFixture.leaf(of: after) == leaf.id)
        }
    }

    @Test func aSecondEditRestartsTheAudit() async throws {
        try await AuditFixture.run { fixture in
            try await fixture.editToV2(Self.mugs, title: "Mugs, one")
            await fixture.server.clock.advance(by: .seconds(1800))
            try await fixture.editToV2(Self.mugs, title: "Mugs, two")
            await fixture.server.clock.advance(by: .seconds(1800))
            #expect(try await fixture.product(Self.mugs)["audit"]?["status"]?.string == "AUDITING", "the first audit's end does not publish")
            await fixture.server.clock.advance(by: .seconds(1800))
            #expect(try await fixture.product(Self.mugs)["title"]?.string == "Mugs, two")
        }
    }

    @Test func publishingContentThatLeftTheCategoryAloneKeepsAnUpgradeMadeMeanwhile() async throws {
        try await AuditFixture.run(scenario: try UpgradeFixture.scenario { $0.audit.duration = HumanDuration(seconds: 3 * 3600) }) { fixture in
            let answer = try await fixture.client.call(.POST, "/product/202309/products/\(Self.mugs)/partial_edit", json: ["title": "Mugs, renamed"])
            #expect(answer.code == 0)
            try await fixture.upgrade.triggerUpgrade()
            await fixture.server.clock.advance(by: .seconds(2 * 3600))
            let upgraded = try #require(AuditFixture.leaf(of: try await fixture.product(Self.mugs)))
            #expect(upgraded == fixture.listing.market.upgradeMap["600942"], "the task moved the live product")
            await fixture.server.clock.advance(by: .seconds(3600))
            let published = try await fixture.product(Self.mugs)
            #expect(published["title"]?.string == "Mugs, renamed")
            #expect(AuditFixture.leaf(of: published) == upgraded, "the audit's pass does not move it back to v1")
        }
    }
}
