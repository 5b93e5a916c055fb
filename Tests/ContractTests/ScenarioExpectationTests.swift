import ContractAssertions
import Foundation
import NIOHTTP1
import Testing

/// A scenario's `expect:` rules, judged over the journal beside the contract: each kind of
/// rule passes a client that does what it says and fails one that does not, as
/// docs/scenarios.md ("Expectations") documents.
@Suite("Scenario expectations")
struct ScenarioExpectationTests {
    typealias Run = ExpectationRun

    @Test func callCountsFilteredByQueryAndBody() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: categories-on-v2
                    calls: get_categories
                    query: {category_version: v2}
                    times: 1
                  - name: no-categories-on-v1
                    calls: get_categories
                    query: {category_version: v1}
                    never: true
                  - name: one-v1-search
                    calls: search_products
                    body: {category_version: v1}
                    at_most: 1
                  - name: two-searches
                    calls: search_products
                    at_least: 2
                """
        )
        let good = try await Run.report(scenario) { client in
            try await client.readCategories("v2")
            try await client.search("v1")
            try await client.search("v2")
        }
        #expect(good.ids(.passed) == ["expect.categories-on-v2", "expect.no-categories-on-v1", "expect.one-v1-search", "expect.two-searches"])

        let bad = try await Run.report(scenario) { client in
            try await client.readCategories("v1")
            try await client.readCategories("v2")
            try await client.readCategories("v2")
            try await client.search("v1")
            try await client.search("v1")
        }
        #expect(bad.ids(.violated) == ["expect.categories-on-v2", "expect.no-categories-on-v1", "expect.one-v1-search"])
        #expect(bad.ids(.passed) == ["expect.two-searches"])
        let violation = try #require(bad.result("expect.categories-on-v2")?.violations.first)
        #expect(violation.message == "get_categories with category_version=v2: called 2 times")
        #expect(violation.expected == "get_categories with category_version=v2, exactly once")
        #expect(violation.entries == [2, 3])
        #expect(bad.result("expect.one-v1-search")?.violations.first?.message == "search_products with category_version=v1: called 2 times")
        #expect(!bad.passed)
    }

    @Test func beforeAndAfterAnUpgradeStep() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: categories-before-the-task
                    calls: get_categories
                    before: upgrade_task.started
                  - name: v1-search-after-the-task
                    calls: search_products
                    body: {category_version: v1}
                    after: {event: upgrade_task.finished}
                  - name: read-after-the-candle-moved
                    calls: get_product
                    after: {event: product.category_changed, product: "\(Run.candle)"}
                """
        )
        let good = try await Run.report(scenario) { client in
            try await client.readCategories("v2")
            try await client.triggerUpgrade()
            await client.wait(.seconds(2 * 3600 + 60))
            try await client.search("v1")
        }
        #expect(good.ids(.passed) == ["expect.categories-before-the-task", "expect.v1-search-after-the-task"])
        #expect(good.ids(.violated) == ["expect.read-after-the-candle-moved"])

        let bad = try await Run.report(scenario) { client in
            try await client.triggerUpgrade()
            try await client.search("v1")
            try await client.readCategories("v2")
        }
        #expect(bad.ids(.violated) == ["expect.categories-before-the-task"])
        #expect(bad.result("expect.v1-search-after-the-task")?.status == .notExercised)
        #expect(bad.result("expect.v1-search-after-the-task")?.notExercisedBecause == "upgrade_task.finished never happened in the run")
        #expect(
            bad.result("expect.categories-before-the-task")?.violations.first?.message
                == "get_categories before upgrade_task.started: called 0 times"
        )
    }

    @Test func beforeAndAfterAWebhookOfAProduct() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: candle-read-back
                    calls: get_product
                    product: "\(Run.candle)"
                    after: {webhook: PRODUCT_CATEGORY_CHANGE, product: "\(Run.candle)"}
                  - name: no-read-before-the-webhook
                    calls: get_product
                    before: {webhook: PRODUCT_CATEGORY_CHANGE}
                    never: true
                """
        )
        let good = try await Run.report(scenario) { try await $0.run() }
        #expect(good.ids(.passed) == ["expect.candle-read-back", "expect.no-read-before-the-webhook"])

        let bad = try await Run.report(scenario, faults: .noConfirmation) { try await $0.run() }
        #expect(bad.ids(.violated) == ["expect.candle-read-back"])
        #expect(bad.ids(.passed) == ["expect.no-read-before-the-webhook"])
    }

    @Test func atAClockInstantAndWithinADuration() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: task-before-ten
                    calls: create_category_upgrade_task
                    before: 2026-11-02T10:00:00Z
                  - name: task-in-the-first-half-hour
                    calls: create_category_upgrade_task
                    within: 30m
                  - name: search-after-eleven
                    calls: search_products
                    after: {time: 2026-11-02T11:00:00Z}
                    within: 2h
                """
        )
        let good = try await Run.report(scenario) { client in
            try await client.triggerUpgrade()
            await client.wait(.seconds(2 * 3600 + 60))
            try await client.search("v1")
        }
        #expect(good.ids(.passed) == ["expect.task-before-ten", "expect.task-in-the-first-half-hour", "expect.search-after-eleven"])

        let bad = try await Run.report(scenario) { client in
            await client.wait(.seconds(3600))
            try await client.triggerUpgrade()
            try await client.search("v1")
        }
        #expect(bad.ids(.violated) == ["expect.task-before-ten", "expect.task-in-the-first-half-hour"])
        #expect(bad.result("expect.search-after-eleven")?.status == .notExercised, "the run ended at 10:00")
    }

    @Test func webhooksAcknowledged() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: acknowledged
                    acknowledges: PRODUCT_CATEGORY_CHANGE
                  - name: acknowledged-at-once
                    acknowledges: PRODUCT_CATEGORY_CHANGE
                    within: 1m
                  - name: candle-acknowledged
                    acknowledges: PRODUCT_CATEGORY_CHANGE
                    product: "\(Run.candle)"
                """
        )
        let good = try await Run.report(scenario) { try await $0.run() }
        #expect(good.ids(.passed) == ["expect.acknowledged", "expect.acknowledged-at-once", "expect.candle-acknowledged"])

        // The first notification is answered too late, and acknowledged on its retry 2 minutes later.
        var impatient = scenario
        impatient.webhooks.acknowledgementTimeout = HumanDuration(milliseconds: 150)
        let slow = try await Run.report(impatient, faults: .slowAcknowledgement) { try await $0.run() }
        #expect(slow.ids(.violated) == ["expect.acknowledged-at-once"])
        let violation = try #require(slow.result("expect.acknowledged-at-once")?.violations.first)
        #expect(violation.message.hasSuffix("was acknowledged only at attempt 2, 2m after the first"))
        #expect(violation.notification != nil)

        let none = try await Run.report(scenario) { try await $0.readCategories("v2") }
        #expect(none.ids(.notExercised) == ["expect.acknowledged", "expect.acknowledged-at-once", "expect.candle-acknowledged"])
        #expect(
            none.result("expect.candle-acknowledged")?.notExercisedBecause == "no PRODUCT_CATEGORY_CHANGE webhook of product \(Run.candle) was sent"
        )
    }

    /// Audit and status webhooks carry `product_id` as a number: a rule about one product's
    /// audit webhook finds them (it said "not exercised" before), and fails a receiver that
    /// answers them 500.
    @Test func aRuleAboutAnAuditWebhookOfOneProductFindsIt() async throws {
        let rug = "1729653265020147302"
        let scenario = try Run.scenario(
            "audit-delays-edit",
            expect: """
                  - name: rug-audit-acknowledged
                    acknowledges: PRODUCT_AUDIT_STATUS_CHANGE
                    product: "\(rug)"
                """
        )
        let good = try await Run.report(scenario) { try await $0.run() }
        #expect(good.ids(.passed) == ["expect.rug-audit-acknowledged"], "\(good.summary)")
        let careless = try await Run.report(scenario, faults: .acknowledgesCategoryChangesOnly) { try await $0.run() }
        #expect(careless.ids(.violated) == ["expect.rug-audit-acknowledged"], "\(careless.summary)")
    }

    @Test func aProductsEndState() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: candle-on-v2
                    product: "\(Run.candle)"
                    ends_in: {category_version: v2, status: ACTIVATE}
                  - name: towels-still-in-their-v1-leaf
                    product: "\(Run.towels)"
                    ends_in: {category_id: "600311"}
                """
        )
        let good = try await Run.report(scenario) { try await $0.run() }
        #expect(good.ids(.passed) == ["expect.candle-on-v2"])
        #expect(
            good.result("expect.towels-still-in-their-v1-leaf")?.violations.first?.message.hasPrefix(
                "product \(Run.towels) ended the run with category "
            ) == true
        )

        let idle = try await Run.report(scenario) { try await $0.readCategories("v2") }
        #expect(idle.ids(.passed) == ["expect.towels-still-in-their-v1-leaf"])
        let violation = try #require(idle.result("expect.candle-on-v2")?.violations.first)
        #expect(violation.message == "product \(Run.candle) ended the run with category_version v1")
        #expect(violation.expected == "category_version v2, status ACTIVATE")
    }

    /// Status changes and audits count toward the end state: both products are deactivated,
    /// then the candle is activated and its audit passes.
    @Test func anEndStateFollowsStatusChangesAndAudits() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: candle-live-again
                    product: "\(Run.candle)"
                    ends_in: {status: ACTIVATE}
                  - name: towels-hidden
                    product: "\(Run.towels)"
                    ends_in: {status: SELLER_DEACTIVATED}
                  - name: towels-live
                    product: "\(Run.towels)"
                    ends_in: {status: ACTIVATE}
                """
        )
        let report = try await Run.report(scenario) { client in
            let both: JSONValue = .array([.string(Run.candle), .string(Run.towels)])
            try await client.call(.POST, "/product/202309/products/deactivate", cipher: client.cipher, body: .object(["product_ids": both]))
            try await client.call(
                .POST,
                "/product/202309/products/activate",
                cipher: client.cipher,
                body: .object(["product_ids": .array([.string(Run.candle)])])
            )
            #expect(try await client.call(.GET, "/product/202309/products/\(Run.candle)", cipher: client.cipher).data["status"]?.string == "PENDING")
            await client.wait(.seconds(3600))
        }
        #expect(report.ids(.passed) == ["expect.candle-live-again", "expect.towels-hidden"])
        #expect(
            report.result("expect.towels-live")?.violations.first?.message == "product \(Run.towels) ended the run with status SELLER_DEACTIVATED"
        )
    }

    /// A journal file is judged alone (as `verify` does): the rules travel in its run
    /// information, and every report format lists them like clauses.
    @Test func aJournalFileCarriesItsRulesIntoEveryReport() async throws {
        let scenario = try Run.scenario(
            expect: """
                  - name: v2-categories
                    description: Categories are read on the 7-level tree
                    calls: get_categories
                    query: {category_version: v2}
                  - name: lenient
                    severity: warning
                    calls: get_product
                """
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("expect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = ReplayServer.Configuration()
        configuration.journalPath = directory.appendingPathComponent("run.sqlite").path
        _ = try await Run.report(scenario, configuration: configuration) { try await $0.readCategories("v1") }

        let report = try await Contract.l7.judge(try JournalReader(path: directory.appendingPathComponent("run.sqlite").path))
        #expect(report.results.map(\.id) == Contract.l7.clauses.map(\.id) + ["expect.v2-categories", "expect.lenient"])
        #expect(report.ids(.violated) == ["l7.v2-on-listing", "expect.v2-categories", "expect.lenient"])
        #expect(report.result("expect.lenient")?.severity == .warning)
        #expect(report.summary.contains("error: expect.v2-categories: get_categories with category_version=v2: called 0 times"))
        #expect(report.summary.contains("warning: expect.lenient: get_product: called 0 times"))
        #expect(report.junit.contains("<testcase classname=\"l7\" name=\"expect.v2-categories: Categories are read on the 7-level tree\">"))
        #expect(String(decoding: report.json, as: UTF8.self).contains("\"id\" : \"expect.v2-categories\""))
        #expect(
            try await Contract.l7.only(["expect.lenient"]).judge(JournalReader(path: configuration.journalPath ?? "")).results.map(\.id) == [
                "expect.lenient"
            ]
        )
    }

    @Test func expectContractRecordsABrokenRuleAtTheCallersLine() async throws {
        let scenario = try Run.scenario(expect: "  - name: task-triggered\n    calls: create_category_upgrade_task")
        try await withReplayServer(scenario: scenario) { server in
            let line = #line + 2  // the line of expectContract below
            try await withKnownIssue {
                _ = try await expectContract(server, .l7.only(["expect.task-triggered"]))
            } matching: { issue in
                issue.sourceLocation?.line == line
                    && issue.comments.contains { $0.rawValue.hasPrefix("expect.task-triggered: create_category_upgrade_task: called 0 times") }
            }
        }
    }
}
