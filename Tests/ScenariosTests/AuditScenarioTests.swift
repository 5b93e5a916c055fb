import Foundation
import Scenarios
import Testing

/// The scenario's `audit` key: how long the product audit takes and which products fail it,
/// checked with file:line:column diagnostics like every other key.
@Suite("Scenario audit key")
struct AuditScenarioTests {
    static let products = """
        products:
          - {id: "1729587213455066935", title: Mugs, category_id: "600942"}

        """

    static func lint(_ text: String) throws -> [Diagnostic] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("qa.yaml")
        try Data(text.utf8).write(to: file)
        return Linter.diagnostics(forFileAt: file)
    }

    @Test func theDefaultAuditTakesAnHourAndPasses() throws {
        let scenario = try Scenario.parse("name: plain\n")
        #expect(scenario.audit.duration == HumanDuration(seconds: 3600))
        #expect(scenario.audit.failures.isEmpty)
    }

    @Test func durationAndFailuresDecode() throws {
        let scenario = try Scenario.parse(
            "name: audited\n" + Self.products + """
                audit:
                  duration: 30m
                  failures:
                    - product: "1729587213455066935"
                      position: main_images
                      reasons: [The main image contains a watermark.]
                      suggestions: [Remove it.]
                      attempts: 1
                """
        )
        #expect(scenario.audit.duration == HumanDuration(seconds: 1800))
        let failure = try #require(scenario.audit.failures.first)
        #expect(failure.productID == "1729587213455066935")
        #expect(failure.position == "main_images")
        #expect(failure.reasons == ["The main image contains a watermark."])
        #expect(failure.suggestions == ["Remove it."])
        #expect(failure.attempts == 1)
    }

    @Test func aFailureWithoutReasonsGetsTheDefaultOne() throws {
        let scenario = try Scenario.parse("name: audited\n" + Self.products + "audit:\n  failures: [{product: \"1729587213455066935\"}]\n")
        #expect(scenario.audit.failures.first?.reasons == [AuditBehaviour.Failure.defaultReason])
        #expect(scenario.audit.failures.first?.position == "product")
    }

    @Test func mistakesAreReportedAtTheirLineAndColumn() throws {
        let diagnostics = try Self.lint(
            "name: audited\n" + Self.products + """
                audit:
                  duration: -5m
                  failures:
                    - product: "1729587213455066935"
                      reason: [typo]
                """
        )
        let messages = diagnostics.map { "\($0.line):\($0.column) \($0.keyPath): \($0.message)" }
        #expect(
            messages == [
                "5:13 audit.duration: duration cannot be negative", "8:7 audit.failures[0].reason: unknown key 'reason'; did you mean 'reasons'?",
            ]
        )
    }

    @Test func aFailureMustNameAProductOfTheScenario() throws {
        let diagnostics = try Self.lint("name: audited\n" + Self.products + "audit:\n  failures:\n    - product: \"1\"\n")
        let messages = diagnostics.map { "\($0.line):\($0.column) \($0.keyPath): \($0.message)" }
        #expect(messages == ["6:16 audit.failures[0].product: no product with id '1' in this scenario"])
    }
}
