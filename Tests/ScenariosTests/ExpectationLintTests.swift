import Foundation
import Testing

@testable import Scenarios

/// `expect:` rules in a scenario: decoded into typed values of the facts table, and checked by
/// lint with file:line:column, the key path and a "did you mean".
@Suite("Scenario expectations: loading and lint")
struct ExpectationLintTests {
    /// A one-product scenario with the given `expect:` list.
    static func scenario(expect: String) -> String {
        """
        name: qa
        products:
          - id: "1729587213455066934"
            title: Jumper
            category_id: "601226"
        expect:
        \(expect)
        """
    }

    /// The diagnostics `tts-replay lint` prints for a file with this text.
    static func lint(_ text: String) throws -> [Diagnostic] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("expect-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("qa.yaml")
        try Data(text.utf8).write(to: file)
        return Linter.diagnostics(forFileAt: file)
    }

    @Test func everyKindOfRuleDecodesToTypedFacts() throws {
        let scenario = try Scenario.parse(
            Self.scenario(
                expect: """
                      - name: one-task
                        description: The task is triggered once
                        calls: create_category_upgrade_task
                        times: 1
                      - name: v1-search-after-the-task
                        severity: warning
                        calls: search_products
                        body: {category_version: v1}
                        after: upgrade_task.finished
                        within: 1h
                      - name: read-back
                        calls: get_product
                        product: "1729587213455066934"
                        after: {webhook: PRODUCT_CATEGORY_CHANGE, product: "1729587213455066934"}
                        before: 2026-11-03T09:00:00Z
                        at_most: 2
                      - name: acknowledged
                        acknowledges: PRODUCT_CATEGORY_CHANGE
                        within: 30m
                      - name: jumper-on-v2
                        product: "1729587213455066934"
                        ends_in: {category_version: v2, status: ACTIVATE}
                    """
            )
        )
        let rules = scenario.expectations
        #expect(
            rules.map(\.id) == [
                "expect.one-task", "expect.v1-search-after-the-task", "expect.read-back", "expect.acknowledged", "expect.jumper-on-v2",
            ]
        )
        #expect(rules[0].title == "The task is triggered once")
        #expect(rules[0].rule == .calls(ScenarioExpectation.Calls(operation: .createCategoryUpgradeTask, atLeast: 1, atMost: 1)))
        #expect(rules[1].severity == .warning)
        #expect(
            rules[1].rule
                == .calls(
                    ScenarioExpectation.Calls(
                        operation: .searchProducts,
                        body: ["category_version": .string("v1")],
                        after: .event(.upgradeTaskFinished, productID: nil),
                        within: HumanDuration(seconds: 3600)
                    )
                )
        )
        #expect(rules[1].title == "search_products with category_version=v1 after upgrade_task.finished within 1h of it is called at least once")
        guard case .calls(let readBack) = rules[2].rule else { throw ExpectationKindError() }
        #expect(readBack.after == .webhook(.productCategoryChange, productID: "1729587213455066934"))
        #expect(readBack.before == .time(try #require(ScenarioInstant.parse("2026-11-03T09:00:00Z"))))
        #expect(readBack.expectedCount == "at most 2 times")
        #expect(
            rules[3].rule == .acknowledges(ScenarioExpectation.Acknowledgement(type: .productCategoryChange, within: HumanDuration(seconds: 1800)))
        )
        #expect(rules[4].rule == .endsIn(ScenarioExpectation.EndState(productID: "1729587213455066934", categoryVersion: .v2, status: .activate)))
    }

    /// The journal keeps the rules as JSON in its run information; they read back the same.
    @Test func rulesSurviveTheJournalsJSON() throws {
        let scenario = try Scenario.parse(
            Self.scenario(
                expect: """
                      - name: a
                        calls: get_product
                        product: "1729587213455066934"
                        query: {x: "1"}
                        after: {time: 2026-11-02T10:00:00Z}
                        within: 90m
                      - name: b
                        acknowledges: PRODUCT_CATEGORY_CHANGE
                      - name: c
                        product: "1729587213455066934"
                        ends_in: {category_id: "601226"}
                    """
            )
        )
        let json = try JSONEncoder().encode(scenario.expectations)
        #expect(try JSONDecoder().decode([ScenarioExpectation].self, from: json) == scenario.expectations)
    }

    @Test func aMisspeltOperationIsAnErrorAtItsLine() throws {
        let diagnostics = try Self.lint(Self.scenario(expect: "  - name: searches\n    calls: serch_products\n    at_least: 1"))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.line == 8 && diagnostic.column == 12)
        #expect(diagnostic.keyPath == "expect[0].calls")
        #expect(diagnostic.message.hasPrefix("'serch_products' is not an operation id; did you mean 'search_products'?"))
        #expect(diagnostic.description.contains("qa.yaml:8:12: error:"))
    }

    @Test func everyProblemInsideOneRuleIsReportedInOnePass() throws {
        let diagnostics = try Self.lint(
            Self.scenario(
                expect: """
                      - name: searches
                        calls: serch_products
                        at_least: -1
                        within: soon
                        severity: fatal
                    """
            )
        )
        #expect(diagnostics.map(\.keyPath) == ["expect[0].calls", "expect[0].at_least", "expect[0].within", "expect[0].severity"])
        #expect(diagnostics.map(\.line) == [8, 9, 10, 11])
    }

    @Test func aMisspeltEventKindIsAnErrorAtItsLine() throws {
        let diagnostics = try Self.lint(Self.scenario(expect: "  - name: searches\n    calls: search_products\n    after: upgrade_task.finshed"))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.line == 9 && diagnostic.column == 12)
        #expect(diagnostic.keyPath == "expect[0].after")
        #expect(diagnostic.message.contains("did you mean 'upgrade_task.finished'?"))

        let mapped = try Self.lint(
            Self.scenario(expect: "  - name: searches\n    calls: search_products\n    before: {event: product.category_chnged}")
        )
        #expect(mapped.first?.keyPath == "expect[0].before.event")
        #expect(mapped.first?.line == 9)
        #expect(mapped.first?.message.contains("did you mean 'product.category_changed'?") == true)
    }

    @Test(arguments: [
        BrokenCase(
            name: "a misspelt webhook type",
            yaml: "  - name: acked\n    acknowledges: PRODUCT_CATEGORY_CHANGED",
            line: 8,
            column: 19,
            keyPath: "expect[0].acknowledges",
            message: "'PRODUCT_CATEGORY_CHANGED' is not a webhook type; did you mean 'PRODUCT_CATEGORY_CHANGE'?"
        ),
        BrokenCase(
            name: "an unknown key",
            yaml: "  - name: searches\n    calls: search_products\n    at_leats: 2",
            line: 9,
            column: 5,
            keyPath: "expect[0].at_leats",
            message: "unknown key 'at_leats'; did you mean 'at_least'?"
        ),
        BrokenCase(
            name: "a key of another kind of rule",
            yaml: "  - name: acked\n    acknowledges: PRODUCT_CATEGORY_CHANGE\n    times: 2",
            line: 9,
            column: 12,
            keyPath: "expect[0].times",
            message: "times does not apply to a rule with acknowledges; it takes acknowledges, product, within"
        ),
        BrokenCase(
            name: "no subject",
            yaml: "  - name: nothing\n    times: 2",
            line: 7,
            column: 5,
            keyPath: "expect[0]",
            message: "a rule expects one thing: give one of calls, acknowledges or ends_in"
        ),
        BrokenCase(
            name: "a product not in the scenario",
            yaml: "  - name: ends\n    product: \"1729587213455066935\"\n    ends_in: {category_version: v2}",
            line: 8,
            column: 14,
            keyPath: "expect[0].product",
            message: "no product with id '1729587213455066935' in this scenario; did you mean '1729587213455066934'?"
        ),
        BrokenCase(
            name: "a duplicate name",
            yaml: "  - name: twice\n    calls: get_product\n  - name: twice\n    calls: search_products",
            line: 9,
            column: 11,
            keyPath: "expect[1].name",
            message: "duplicate expectation name 'twice'"
        ),
        BrokenCase(
            name: "a name that cannot be an id",
            yaml: "  - name: one task\n    calls: get_product",
            line: 7,
            column: 11,
            keyPath: "expect[0].name",
            message: "'one task' cannot be part of the id expect.one task; use letters, digits, - and _ (such as one-task-per-shop)"
        ),
        BrokenCase(
            name: "a product filter on an operation without one",
            yaml: "  - name: searched\n    calls: search_products\n    product: \"1729587213455066934\"",
            line: 9,
            column: 14,
            keyPath: "expect[0].product",
            message: "search_products names no product in its path (/product/202502/products/search); leave out product"
        ),
        BrokenCase(
            name: "contradicting counts",
            yaml: "  - name: counted\n    calls: get_product\n    times: 1\n    at_most: 3",
            line: 7,
            column: 5,
            keyPath: "expect[0]",
            message: "times is an exact count; leave out at_least and at_most"
        ),
        BrokenCase(
            name: "a bad duration",
            yaml: "  - name: soon\n    calls: get_product\n    within: soon",
            line: 9,
            column: 13,
            keyPath: "expect[0].within",
            message: "'soon' is not a duration; write it as 90s, 40m, 24h, -3d or 1h30m"
        ),
    ])
    func aBrokenRuleIsLocated(_ broken: BrokenCase) throws {
        let diagnostic = try #require(try Self.lint(Self.scenario(expect: broken.yaml)).first)
        #expect(diagnostic.message == broken.message)
        #expect(diagnostic.keyPath == broken.keyPath)
        #expect(diagnostic.line == broken.line && diagnostic.column == broken.column, "\(diagnostic)")
    }
}

/// Thrown when a decoded rule is not of the kind the test wrote.
struct ExpectationKindError: Error {}
