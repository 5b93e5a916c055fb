import ContractAssertions
import ContractJudge
import Foundation
import NIOHTTP1
import ReplayJournal
import Testing

/// The L7 contract against clients: the reference client passes every clause on every
/// shipped scenario; each deliberately broken client fails exactly its clause.
@Suite("L7 contract suites")
struct ContractSuiteTests {
    /// At most two client runs at a time: the suite has dozens, and together they would keep
    /// every thread of the test process busy long enough to delay other suites' webhook answers.
    static let runs = RunLimiter(width: 2)

    /// Runs a client with some faults against a scenario and returns the report.
    static func report(_ scenario: Scenario, faults: ClientFaults = [], recordingIssues: Bool = false) async throws -> ContractReport {
        try await runs.run { try await run(scenario, faults: faults, recordingIssues: recordingIssues) }
    }

    private static func run(_ scenario: Scenario, faults: ClientFaults, recordingIssues: Bool) async throws -> ContractReport {
        try await withReplayServer(scenario: scenario) { server in
            try await NotificationReceiver.with(appKey: scenario.app.key, appSecret: scenario.app.secret, faults: faults) { receiver in
                try await ReferenceClient(server: server, faults: faults, receiver: receiver).run()
                if recordingIssues { return try await expectContract(server, .l7) }
                _ = await server.webhooks.awaitIdle()
                await server.journal.flush()
                return try await Contract.l7.judge(server.journal.reader)
            }
        }
    }

    @Test(arguments: Scenario.builtInNames)
    func theReferenceClientPassesEveryClause(_ name: String) async throws {
        let report = try await Self.report(try Scenario.builtIn(named: name).withRoomToAcknowledge, recordingIssues: true)
        #expect(report.passed)
        #expect(report.ids(.violated).isEmpty, "warnings too: \(report.summary)")
    }

    /// The scenarios where the reference client exercises the clauses about webhooks and upgrades.
    @Test func theReferenceClientExercisesEveryClauseSomewhere() async throws {
        var exercised: Set<String> = []
        for name in [
            "happy-path-gb", "too-new-for-24h", "failed-upgrade", "forged-webhook", "duplicate-and-out-of-order-webhooks", "rate-limited",
            "audit-delays-edit",
        ] {
            let report = try await Self.report(try Scenario.builtIn(named: name).withRoomToAcknowledge)
            exercised.formUnion(report.ids(.passed))
        }
        let expected = Set(Contract.l7.clauses.map(\.id))
        #expect(expected.subtracting(exercised).isEmpty, "never exercised: \(expected.subtracting(exercised).sorted())")
    }

    struct BrokenClient: Sendable, CustomTestStringConvertible {
        var faults: ClientFaults
        var scenario: String
        var clause: String
        var acknowledgementTimeout: HumanDuration?
        var testDescription: String { "\(faults) on \(scenario) breaks \(clause)" }
    }

    @Test(arguments: [
        BrokenClient(faults: .badSign, scenario: "default", clause: "l7.signed-and-fresh"),
        BrokenClient(faults: .tokenInQuery, scenario: "default", clause: "l7.token-in-header"),
        BrokenClient(faults: .tokenAlsoInQuery, scenario: "default", clause: "l7.token-in-header"),
        BrokenClient(faults: .legacyGlobalAttributes, scenario: "happy-path-gb", clause: "l7.no-legacy-global-products"),
        BrokenClient(faults: .acknowledgesCategoryChangesOnly, scenario: "audit-delays-edit", clause: "l7.webhooks-acknowledged"),
        BrokenClient(faults: .noShopCipher, scenario: "default", clause: "l7.shop-cipher"),
        BrokenClient(faults: .v1Listing, scenario: "happy-path-gb", clause: "l7.v2-on-listing"),
        BrokenClient(faults: .v1LeafOnCreate, scenario: "happy-path-gb", clause: "l7.v2-leaf-on-write"),
        BrokenClient(faults: .legacyGlobalProducts, scenario: "happy-path-gb", clause: "l7.no-legacy-global-products"),
        BrokenClient(faults: .hammersUpgrade, scenario: "happy-path-gb", clause: "l7.upgrade-not-hammered"),
        BrokenClient(faults: .stopsAfterFirstTask, scenario: "too-new-for-24h", clause: "l7.upgrade-retriggered-for-skipped"),
        BrokenClient(faults: .stopsAfterFirstTask, scenario: "failed-upgrade", clause: "l7.failed-upgrades-handled"),
        BrokenClient(
            faults: .slowAcknowledgement,
            scenario: "happy-path-gb",
            clause: "l7.webhooks-acknowledged",
            acknowledgementTimeout: HumanDuration(milliseconds: 150)
        ),
        BrokenClient(faults: .acceptForged, scenario: "forged-webhook", clause: "l7.forged-webhooks-rejected"),
        BrokenClient(faults: .noDeduplication, scenario: "duplicate-and-out-of-order-webhooks", clause: "l7.duplicates-handled-once"),
        BrokenClient(
            faults: [.noDeduplication, .confirmsBySearch],
            scenario: "duplicate-and-out-of-order-webhooks",
            clause: "l7.duplicates-handled-once"
        ),
        BrokenClient(faults: .noConfirmation, scenario: "happy-path-gb", clause: "l7.confirmed-after-webhook"),
        BrokenClient(faults: .confirmsInAnotherShop, scenario: "cross-border", clause: "l7.confirmed-after-webhook"),
        // Not a clause: the scenario's own rule that each shop's task is triggered.
        BrokenClient(faults: .firstShopOnly, scenario: "cross-border", clause: "expect.de-shop-task"),
        BrokenClient(faults: .ignoresRetryAfter, scenario: "rate-limited", clause: "l7.retry-after-honoured"),
        BrokenClient(faults: .confirmsDuringReview, scenario: "audit-delays-edit", clause: "l7.confirmed-after-audit"),
    ])
    func aBrokenClientFailsExactlyItsClause(_ broken: BrokenClient) async throws {
        var scenario = try Scenario.builtIn(named: broken.scenario).withRoomToAcknowledge
        if let timeout = broken.acknowledgementTimeout { scenario.webhooks.acknowledgementTimeout = timeout }
        let report = try await Self.report(scenario, faults: broken.faults)
        #expect(report.ids(.violated) == [broken.clause], "\(report.summary)")
        let violation = try #require(report.result(broken.clause)?.violations.first)
        #expect(!violation.message.isEmpty && !violation.expected.isEmpty)
        #expect(report.passed == (Contract.l7.clauses.first { $0.id == broken.clause }?.severity == .warning))
    }

    /// With two shops, each refused re-trigger is cited by its own call: the shop's trigger
    /// answered 12052234, not the other shop's trigger made in the same second.
    @Test func aRefusedTriggerIsCitedByItsOwnCall() async throws {
        let scenario = try Scenario.builtIn(named: "cross-border").withRoomToAcknowledge
        try await Self.runs.run {
            try await withReplayServer(scenario: scenario) { server in
                try await NotificationReceiver.with(appKey: scenario.app.key, appSecret: scenario.app.secret, faults: .hammersUpgrade) {
                    receiver in
                    try await ReferenceClient(server: server, faults: .hammersUpgrade, receiver: receiver).run()
                    _ = await server.webhooks.awaitIdle()
                    await server.journal.flush()
                    let report = try await Contract.l7.judge(server.journal.reader)
                    let violations = try #require(report.result("l7.upgrade-not-hammered")?.violations)
                    let entries = try await server.journal.reader.entries()
                    #expect(violations.count == scenario.shops.count)
                    for violation in violations {
                        let cited = try #require(entries.first { $0.id == violation.entries.first })
                        let shop = try #require(scenario.shops.first { $0.cipher == cited.shopCipher })
                        #expect(cited.operation == "create_category_upgrade_task" && cited.responseCode == 12_052_234)
                        #expect(violation.message.contains("for shop \(shop.id) "), "\(violation.message) cites entry \(cited.id)")
                    }
                }
            }
        }
    }

    /// A final check of every product, an hour after the last webhook was handled, is no repeat
    /// handled twice: the clause judged every read after the first delivery, and failed this client on
    /// every product that had a duplicate.
    /// Confirming each notification once with a v2 search, duplicates left alone, passes.
    @Test func confirmingBySearchOncePerNotificationPasses() async throws {
        let scenario = try Scenario.builtIn(named: "duplicate-and-out-of-order-webhooks").withRoomToAcknowledge
        let report = try await Self.report(scenario, faults: .confirmsBySearch)
        #expect(report.ids(.violated).isEmpty, "\(report.summary)")
        #expect(report.result("l7.duplicates-handled-once")?.status == .passed)
    }

    @Test(arguments: ["duplicate-and-out-of-order-webhooks", "happy-path-gb"])
    func aFinalCheckOfEveryProductIsNoDuplicateHandledTwice(_ name: String) async throws {
        let report = try await Self.report(try Scenario.builtIn(named: name).withRoomToAcknowledge, faults: .checksEveryProductAtTheEnd)
        #expect(report.ids(.violated).isEmpty, "\(report.summary)")
        if name.hasPrefix("duplicate") { #expect(report.result("l7.duplicates-handled-once")?.status == .passed) }
    }

    /// A product the task keeps failing, edited to another 3-level leaf where the market still
    /// takes v1, is left on the old tree: the edit does not handle it (it passed).
    @Test func anEditToAnother3LevelLeafDoesNotHandleAFailedUpgrade() async throws {
        var scenario = try Scenario.builtIn(named: "legacy-v1-listing").withRoomToAcknowledge
        let product = try #require(scenario.products.first)
        scenario.upgrade.failures = [.init(productID: product.id)]
        let report = try await Self.report(scenario, faults: .editsFailedToAnotherV1Leaf)
        #expect(report.result("l7.failed-upgrades-handled")?.status == .violated, "\(report.summary)")
        let reference = try await Self.report(scenario)
        #expect(reference.result("l7.failed-upgrades-handled")?.status == .passed, "\(reference.summary)")
    }

    /// Reads that failed are named as such, with the cipher they used: "never read it back"
    /// sent the user looking for a missing call that was there.
    @Test func aConfirmationThatFailedIsNamedWithItsCipher() async throws {
        let report = try await Self.report(try Scenario.builtIn(named: "cross-border").withRoomToAcknowledge, faults: .confirmsInAnotherShop)
        let violation = try #require(report.result("l7.confirmed-after-webhook")?.violations.first)
        #expect(violation.message.contains("read it back only with calls that failed"), "\(violation.message)")
        #expect(violation.message.contains("with shop_cipher "))
    }

    /// An edit that keeps the category (a new description) hides no category change: a read
    /// while it is under review confirms the webhook (it was judged as if the edit moved it).
    @Test func aReadWhileAnEditOfTheDescriptionIsUnderReviewConfirms() async throws {
        let report = try await Self.report(
            try Scenario.builtIn(named: "happy-path-gb").withRoomToAcknowledge,
            faults: .editsDescriptionBeforeConfirming
        )
        #expect(report.ids(.violated).isEmpty, "\(report.summary)")
        #expect(report.result("l7.confirmed-after-webhook")?.status == .passed)
    }

    /// Every clause is shown to fail by one broken client above.
    @Test func everyClauseHasABrokenClient() {
        let broken = Set(
            [
                "l7.signed-and-fresh", "l7.token-in-header", "l7.shop-cipher", "l7.v2-on-listing", "l7.v2-leaf-on-write",
                "l7.no-legacy-global-products",
                "l7.upgrade-not-hammered", "l7.upgrade-retriggered-for-skipped", "l7.failed-upgrades-handled", "l7.webhooks-acknowledged",
                "l7.forged-webhooks-rejected", "l7.duplicates-handled-once", "l7.confirmed-after-webhook", "l7.retry-after-honoured",
                "l7.confirmed-after-audit",
            ]
        )
        #expect(broken == Set(Contract.l7.clauses.map(\.id)))
    }

    @Test func aRunThatExercisesNothingSaysSoAndIsNotAPass() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let report = try await Contract.l7.judge(server.journal.reader)
            #expect(report.ids(.notExercised).count == Contract.l7.clauses.count)
            #expect(report.ids(.passed).isEmpty)
            #expect(report.result("l7.v2-on-listing")?.notExercisedBecause == "no listing API was called on a shop whose market requires v2")
            #expect(report.summary.hasSuffix("0 passed, 0 violated, 15 not exercised (\(report.ids(.notExercised).joined(separator: ", "))): PASSED"))
        }
    }
}

@Suite("expectContract")
struct ExpectContractTests {
    @Test func recordsOneIssuePerViolationAtTheCallersLine() async throws {
        try await withReplayServer(scenario: try .builtIn(named: "happy-path-gb")) { server in
            try await NotificationReceiver.with(appKey: server.scenario.app.key, appSecret: server.scenario.app.secret, faults: []) { receiver in
                let client = ReferenceClient(server: server, receiver: receiver)
                for _ in 0..<2 {
                    try await client.call(
                        .GET,
                        "/product/202309/categories",
                        cipher: server.credentials.shopCipher,
                        query: ["category_version": "v1"],
                        readsData: false
                    )
                }
                let line = #line + 2  // the line of expectContract below
                try await withKnownIssue {
                    _ = try await expectContract(server, .l7.only(["l7.v2-on-listing", "l7.signed-and-fresh"]))
                } matching: { issue in
                    issue.sourceLocation?.line == line
                        && issue.comments.contains { $0.rawValue.hasPrefix("l7.v2-on-listing: get_categories sent category_version=v1") }
                }
                let report = try await Contract.l7.only(["l7.v2-on-listing"]).judge(server.journal.reader)
                #expect(report.results.map(\.id) == ["l7.v2-on-listing"])
                #expect(report.result("l7.v2-on-listing")?.violations.count == 2, "one issue per violation")
            }
        }
    }
}

@Suite("The L7 clauses on older API versions")
struct OlderVersionClauseTests {
    /// Searches through Search Products 202309 with `category_version` in the query or the
    /// body, and judges `l7.v2-on-listing`.
    static func judgeSearch202309(versionIn place: String) async throws -> ClauseResult? {
        try await withReplayServer(scenario: try .builtIn(named: "happy-path-gb")) { server in
            try await NotificationReceiver.with(appKey: server.scenario.app.key, appSecret: server.scenario.app.secret, faults: []) { receiver in
                let client = ReferenceClient(server: server, receiver: receiver)
                try await client.call(
                    .POST,
                    "/product/202309/products/search",
                    cipher: server.credentials.shopCipher,
                    query: ["page_size": "20"].merging(place == "query" ? ["category_version": "v2"] : [:]) { $1 },
                    body: place == "body" ? .object(["category_version": .string("v2")]) : .object([:])
                )
                await server.journal.flush()
                return try await Contract.l7.only(["l7.v2-on-listing"]).judge(server.journal.reader).result("l7.v2-on-listing")
            }
        }
    }

    @Test func search202309PassesWithTheVersionInTheQuery() async throws {
        #expect(try await Self.judgeSearch202309(versionIn: "query")?.status == .passed)
    }

    @Test func search202309WithTheVersionInTheBodyIsAViolation() async throws {
        let result = try await Self.judgeSearch202309(versionIn: "body")
        #expect(result?.status == .violated)
        #expect(result?.violations.first?.message.hasPrefix("search_products_202309 sent no category_version") == true)
    }
}
