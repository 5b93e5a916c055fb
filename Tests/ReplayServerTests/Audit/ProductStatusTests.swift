import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// Activate, Deactivate, Delete and Recover Products: the transitions the docs allow, a
/// per-product error (12052901) for the others, and a type-5 webhook for each change.
@Suite("Product status operations")
struct ProductStatusTests {
    static let mugs = UpgradeFixture.mugs
    static let jumper = UpgradeFixture.jumper

    static func call(_ fixture: AuditFixture, _ change: String, _ ids: [String]) async throws -> Answer {
        let method: HTTPMethod = change == "delete" ? .DELETE : .POST
        let path = change == "delete" ? "/product/202309/products" : "/product/202309/products/\(change)"
        return try await fixture.client.call(method, path, json: ["product_ids": ids])
    }

    static func status(_ fixture: AuditFixture, _ id: String) async throws -> String? {
        try await fixture.product(id)["status"]?.string
    }

    @Test func deactivateHidesALiveProductAndSendsType5() async throws {
        try await AuditFixture.run { fixture in
            let answer = try await Self.call(fixture, "deactivate", [Self.mugs])
            #expect(answer.code == 0)
            #expect(try answer.data["errors"]?.array == [])
            #expect(try await Self.status(fixture, Self.mugs) == "SELLER_DEACTIVATED")
            let webhooks = await fixture.webhooks()
            #expect(webhooks.map(\.type) == [5])
            #expect(webhooks.first?.data["status"]?.string == "PRODUCT_STATUS_CHANGED")
        }
    }

    @Test func activateSendsADeactivatedProductToAuditAndBackToLive() async throws {
        try await AuditFixture.run { fixture in
            _ = try await Self.call(fixture, "deactivate", [Self.mugs])
            let answer = try await Self.call(fixture, "activate", [Self.mugs])
            #expect(try answer.data["errors"]?.array == [])
            #expect(try await Self.status(fixture, Self.mugs) == "PENDING")
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(try await Self.status(fixture, Self.mugs) == "ACTIVATE")
            #expect(await fixture.webhooks().map(\.type) == [5, 5, 37, 5, 37])
        }
    }

    @Test func deleteThenRecoverLeavesTheProductDeactivated() async throws {
        try await AuditFixture.run { fixture in
            let deleted = try await Self.call(fixture, "delete", [Self.mugs, Self.jumper])
            #expect(try deleted.data["errors"]?.array == [])
            #expect(try await Self.status(fixture, Self.mugs) == "DELETED")
            let recovered = try await Self.call(fixture, "recover", [Self.mugs])
            #expect(try recovered.data["errors"]?.array == [])
            #expect(try await Self.status(fixture, Self.mugs) == "SELLER_DEACTIVATED")
            #expect(try await Self.status(fixture, Self.jumper) == "DELETED")
        }
    }

    @Test func deletingAProductUnderReviewEndsItsAudit() async throws {
        try await AuditFixture.run { fixture in
            try await fixture.editToV2(Self.mugs, title: "Mugs, never published")
            _ = try await Self.call(fixture, "delete", [Self.mugs])
            await fixture.server.clock.advance(by: .seconds(3600))
            #expect(try await Self.status(fixture, Self.mugs) == "DELETED")
            let kinds = try await fixture.server.journal.shopEvents().map(\.kind)
            #expect(kinds.contains(.productAuditCancelled))
            #expect(!kinds.contains(.productAuditPassed))
        }
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var change: String
        var setup: String?
        var testDescription: String { "\(change) after \(setup ?? "nothing")" }
    }

    @Test(arguments: [
        Refusal(change: "activate", setup: nil),  // already ACTIVATE
        Refusal(change: "deactivate", setup: "deactivate"),
        Refusal(change: "recover", setup: nil),  // not DELETED
        Refusal(change: "delete", setup: "delete"),
    ])
    func aForbiddenTransitionIsAPerProductError12052901(_ refusal: Refusal) async throws {
        try await AuditFixture.run { fixture in
            if let setup = refusal.setup { _ = try await Self.call(fixture, setup, [Self.mugs]) }
            let before = try await Self.status(fixture, Self.mugs)
            let answer = try await Self.call(fixture, refusal.change, [Self.mugs, Self.jumper])
            #expect(answer.code == 0, "the call succeeds; the product's error is in data.errors")
            let errors = try #require(try answer.data["errors"]?.array)
            #expect(errors.count == (refusal.change == "deactivate" ? 1 : refusal.change == "delete" ? 1 : 2))
            if refusal.change == "activate" {
                // Activate's documented shape: "Check failed", the reason in detail.extra_errors.
                #expect(errors.first?["code"]?.number == 12052990)
                #expect(errors.first?["message"]?.string == "Check failed")
                #expect(errors.first?["detail"]?["extra_errors"]?[0]?["code"]?.number == 12052901)
            } else {
                #expect(errors.first?["code"]?.number == 12052901)
                #expect(errors.first?["detail"]?["extra_errors"] == nil)
            }
            #expect(errors.first?["detail"]?["product_id"]?.string == Self.mugs)
            #expect(errors.first?["message"]?.string?.isEmpty == false)
            #expect(try await Self.status(fixture, Self.mugs) == before)
        }
    }

    @Test func aFrozenProductCannotBeDeleted() async throws {
        try await AuditFixture.run(
            scenario: try UpgradeFixture.scenario { scenario in
                if let index = scenario.products.firstIndex(where: { $0.id == Self.mugs }) { scenario.products[index].status = .freeze }
            }
        ) { fixture in
            let answer = try await Self.call(fixture, "delete", [Self.mugs])
            #expect(try answer.data["errors"]?[0]?["code"]?.number == 12052901)
            #expect(try await Self.status(fixture, Self.mugs) == "FREEZE")
        }
    }

    @Test func anUnknownProductIsAPerProductError() async throws {
        try await AuditFixture.run { fixture in
            let answer = try await Self.call(fixture, "deactivate", ["1700000000000000001"])
            #expect(try answer.data["errors"]?[0]?["code"]?.number == 12052260)
            #expect(try answer.data["errors"]?[0]?["detail"]?["product_id"]?.string == "1700000000000000001")
        }
    }

    @Test(arguments: ["missing", "empty", "21 ids"])
    func aMissingEmptyOrTooLongListFails12052910(_ list: String) async throws {
        let ids: [String]? = list == "missing" ? nil : list == "empty" ? [] : (10..<31).map { "17000000000000000\($0)" }
        let body: [String: Any] = ids.map { ["product_ids": $0] } ?? [:]
        try await AuditFixture.run { fixture in
            let answer = try await fixture.client.call(.POST, "/product/202309/products/deactivate", json: body)
            #expect(answer.code == 12052910)
        }
    }
}
