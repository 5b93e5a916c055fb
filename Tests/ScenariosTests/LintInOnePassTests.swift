import Foundation
import Scenarios
import Testing

/// `tts-replay lint` and scenario loading report every problem of a file in one pass, each once,
/// in file order, at its file:line:column: decoding goes on past a value that does not fit.
@Suite("Lint in one pass")
struct LintInOnePassTests {
    /// A diagnostic as the tests expect it: where, at which key, and words of its message.
    struct Expected: CustomStringConvertible {
        var line: Int
        var column: Int
        var keyPath: String
        var message: String

        init(_ line: Int, _ column: Int, _ keyPath: String, _ message: String) {
            self.line = line
            self.column = column
            self.keyPath = keyPath
            self.message = message
        }

        func matches(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.line == line && diagnostic.column == column && diagnostic.keyPath == keyPath && diagnostic.message.contains(message)
        }

        var description: String { "\(line):\(column) \(message) (at \(keyPath))" }
    }

    /// Writes a scenario to a fresh folder, lints it and removes the folder.
    func lint(_ text: String) throws -> (file: String, diagnostics: [Diagnostic]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("qa.yaml")
        try Data(text.utf8).write(to: file)
        return (file.path, Linter.diagnostics(forFileAt: file))
    }

    func expect(_ diagnostics: [Diagnostic], _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(diagnostics.count == expected.count, "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        for (diagnostic, expected) in zip(diagnostics, expected) {
            #expect(expected.matches(diagnostic), "expected \(expected), got \(diagnostic)", sourceLocation: sourceLocation)
        }
    }

    @Test func aFileWithTenKindsOfMistakesIsReportedWholeInFileOrder() throws {
        let (file, diagnostics) = try lint(
            """
            name: many-mistakes
            descripton: every kind of mistake at once
            seed: many
            clock:
              start: yesterday
            shops:
              - id: "1"
                region: GB
            products:
              - id: p1
                category_id: "601226"
              - id: p2
                title: Mug
                category_id: "999999"
              - id: p2
                title: Mug again
                category_id: "600942"
              - id: p4
                title: Branded jumper
                category_id: "601226"
                brand_id: no-such-brand
            webhooks:
              delay: soon
            cassettes:
              - no-such-cassette
            stubs:
              - match: {operation: serch_products}
                respond: {status: 429}

            """
        )
        expect(
            diagnostics,
            [
                Expected(2, 1, "descripton", "unknown key 'descripton'; did you mean 'description'?"),
                Expected(3, 7, "seed", "expected an integer, found 'many'"),
                Expected(5, 10, "clock.start", "'yesterday' is not an ISO 8601 instant"),
                Expected(10, 5, "products[0]", "missing required key 'title'"),
                Expected(14, 18, "products[1].category_id", "category '999999' is not in the GB v1 tree"),
                Expected(15, 9, "products[2].id", "duplicate product id 'p2'"),
                Expected(21, 15, "products[3].brand_id", "no brand 'no-such-brand' in the GB catalogue"),
                Expected(23, 10, "webhooks.delay", "'soon' is not a duration"),
                Expected(25, 5, "cassettes[0]", "no built-in cassette named 'no-such-cassette'"),
                Expected(27, 24, "stubs[0].match.operation", "'serch_products' is not an operation of the API; did you mean 'search_products'?"),
            ]
        )
        #expect(diagnostics.allSatisfy { $0.file == file })
    }

    /// The issue's example: a misspelt key, a missing title and a bad duration, all three at once.
    @Test func aBadValueDoesNotHideTheProblemsAfterIt() throws {
        let (_, diagnostics) = try lint(
            """
            shops:
              - id: "1"
                regoin: GB
            products:
              - id: p1
                category_id: "601226"
            webhooks:
              delay: soon

            """
        )
        expect(
            diagnostics,
            [
                Expected(3, 5, "shops[0].regoin", "did you mean 'region'?"),
                Expected(5, 5, "products[0]", "missing required key 'title'"),
                Expected(8, 10, "webhooks.delay", "'soon' is not a duration"),
            ]
        )
    }

    @Test func everyElementOfAListIsCheckedPastABadOne() throws {
        let (_, diagnostics) = try lint(
            """
            gateway:
              relax: [signature, tiemstamp]
            products:
              - {id: p1, title: a, category_id: "601226", live_for: 2 days}
              - {id: p2, title: b, category_id: "601226", status: LIVE}
              - {id: p3, title: c, category_id: "1"}
            stubs:
              - respond: {status: 999, delay: 1h}

            """
        )
        expect(
            diagnostics,
            [
                Expected(2, 11, "gateway.relax[0]", "did you mean 'sign'?"),
                Expected(2, 22, "gateway.relax[1]", "did you mean 'timestamp'?"),
                Expected(4, 57, "products[0].live_for", "'2 days' is not a duration"),
                Expected(5, 55, "products[1].status", "'LIVE' is not one of"),
                Expected(6, 37, "products[2].category_id", "category '1' is not in the GB v1 tree"),
                Expected(8, 23, "stubs[0].respond.status", "status must be an HTTP status"),
                Expected(8, 35, "stubs[0].respond.delay", "delay must be between 0s and 10m"),
            ]
        )
    }

    /// A value out of range is reported at its own key, not at the first key of its block; a
    /// stub that could never match (a method no request has, a query in its path) is refused.
    @Test func aValueOutOfRangeIsReportedAtItsKey() throws {
        let (_, diagnostics) = try lint(
            """
            clock: {start: 2026-11-02T09:00:00Z, mode: scaled, rate: -1h}
            webhooks: {ack_timeout: 0s, duplicates: -1}
            stubs:
              - match: {method: BREW, path: "/x?y=1"}
                respond: {data: {}}

            """
        )
        expect(
            diagnostics,
            [
                Expected(1, 58, "clock.rate", "rate is virtual time per real second"),
                Expected(2, 25, "webhooks.ack_timeout", "ack_timeout must be positive"),
                Expected(2, 41, "webhooks.duplicates", "duplicates cannot be negative"),
                Expected(4, 21, "stubs[0].match.method", "'BREW' is not an HTTP method the API uses"),
                Expected(4, 33, "stubs[0].match.path", "path starts with / and holds no query"),
            ]
        )
    }

    /// A value that did not fit is reported once, never again as the problem its placeholder
    /// would make: the products of a shop whose region is unknown are not held against GB.
    @Test func aProblemIsNotReportedAgainAsItsConsequences() throws {
        let cases: [(String, [Expected])] = [
            (
                "shops:\n  - {id: \"1\", region: DE}\n  - {id: \"2\", region: EU}\nproducts:\n  - {id: p, shop: \"2\", title: t, category_id: \"1\"}\n",
                [Expected(3, 23, "shops[1].region", "'EU' is not one of")]
            ),
            (
                "shops: {id: \"1\"}\nproducts:\n  - {id: p, shop: \"1\", title: t, category_id: \"601226\"}\n",
                [Expected(1, 8, "shops", "expected a list, found a mapping")]
            ),
            (
                "products:\n  - {id: [p], title: t, category_id: \"601226\"}\nupgrade:\n  failures: [{product: p}]\n",
                [Expected(2, 10, "products[0].id", "expected a single value, found a list")]
            ),
        ]
        for (text, expected) in cases {
            expect(try lint(text).diagnostics, expected)
        }
    }

    @Test func loadingReportsTheSameProblemsAsLint() throws {
        let text = "seed: many\nwebhooks:\n  delay: soon\n"
        let linted = try lint(text).diagnostics.map { $0.description.replacingOccurrences(of: $0.file, with: "qa.yaml") }
        do {
            _ = try Scenario.parse(text, file: "qa.yaml")
            Issue.record("a broken scenario was accepted")
        } catch {
            #expect(error.diagnostics.map(\.description) == linted)
            #expect(error.diagnostics.map(\.keyPath) == ["seed", "webhooks.delay"])
        }
    }
}
