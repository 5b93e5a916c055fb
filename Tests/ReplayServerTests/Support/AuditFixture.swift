import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios

/// The upgrade fixture's server and receiver, with the receiver also registered for product
/// status (type 5) and audit (type 37) webhooks, and the listing fixture's valid bodies.
struct AuditFixture {
    let upgrade: UpgradeFixture
    let listing: ListingFixture

    var server: ReplayServer { upgrade.server }
    var client: SignedClient { upgrade.client }

    /// Runs `body` against a scenario: the upgrade fixture's default one unless given.
    static func run(scenario: Scenario? = nil, _ body: (AuditFixture) async throws -> Void) async throws {
        try await UpgradeFixture.run(scenario: scenario ?? UpgradeFixture.scenario()) { upgrade in
            for type in ["PRODUCT_STATUS_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE"] {
                let answer = try await upgrade.client.call(
                    .PUT,
                    "/event/202309/webhooks",
                    json: ["address": upgrade.receiver.url, "event_type": type]
                )
                guard answer.code == 0 else { throw AnswerError(message: "registering \(type) answered \(answer.code)") }
            }
            try await body(AuditFixture(upgrade: upgrade, listing: ListingFixture(upgrade.server)))
        }
    }

    /// Get Product's `data`, as the shop shows it or (`underReview`) the version under review.
    func product(_ id: String, underReview: Bool = false) async throws -> JSON {
        try await client.call(.GET, "/product/202309/products/\(id)", query: underReview ? ["return_under_review_version": "true"] : [:]).data
    }

    /// The leaf of a Get Product answer.
    static func leaf(of product: JSON) -> String? {
        product["category_chains"]?.array?.last?["id"]?.string
    }

    /// Edits a product to a v2 leaf with a new title; returns the leaf.
    @discardableResult
    func editToV2(_ id: String, title: String) async throws -> Category {
        let leaf = try listing.leaf(.v2)
        let answer = try await client.call(.PUT, "/product/202309/products/\(id)", json: listing.validBody(for: leaf, version: .v2, title: title))
        guard answer.code == 0 else { throw AnswerError(message: "the edit answered \(String(decoding: answer.body, as: UTF8.self))") }
        return leaf
    }

    /// The webhooks received so far: (type, product id as sent, data).
    func webhooks() async -> [(type: Int, data: JSON)] {
        _ = await server.webhooks.awaitIdle()
        return upgrade.receiver.received.map { (Int($0.json["type"]?.number ?? 0), $0.json["data"] ?? .null) }
    }
}
