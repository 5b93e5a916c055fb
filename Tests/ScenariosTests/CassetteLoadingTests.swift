import Foundation
import Scenarios
import Testing

@Suite("Cassette loading and writing")
struct CassetteLoadingTests {
    static let sample = """
        format: 1
        description: two calls
        recorded: {at: 2026-11-02T09:00:00Z, from: "https://open-api.tiktokglobalshop.com", with: tts-replay record}
        repeat: cycle
        match: {ignore: [query.locale]}
        interactions:
          - request:
              method: get
              path: /product/202309/categories
              query: {category_version: v2, page_size: 20, shop_cipher: GCP_1}
              headers: {Content-Type: application/json}
            response:
              status: 200
              headers: {content-type: application/json}
              body: {code: 0, message: Success, request_id: r1, data: {categories: []}}
          - request:
              method: POST
              path: /product/202502/products/search
              body: {status: ACTIVATE, ids: ["1", "2"]}
            match: {ignore: [body.page_token, body.items.*.sku], ignore_array_order: true}
            response: {status: 429, headers: {Retry-After: "30"}, body_text: slow down}
        """

    @Test func readsEveryKey() throws {
        let cassette = try Cassette.parse(Self.sample, file: "two.yaml")
        #expect(cassette.description == "two calls")
        #expect(cassette.recording.from == "https://open-api.tiktokglobalshop.com")
        #expect(cassette.recording.at == Date(timeIntervalSince1970: 1_793_610_000))
        #expect(cassette.repeatPolicy == .cycle)
        #expect(cassette.match.ignore.map(\.description) == ["query.locale"])
        #expect(cassette.interactions.count == 2)
        let first = cassette.interactions[0]
        #expect(first.request.method == "GET")
        #expect(first.request.query == ["category_version": "v2", "page_size": "20", "shop_cipher": "GCP_1"])
        #expect(first.request.headers == ["content-type": "application/json"])
        #expect(first.line == 7)
        #expect(
            first.response.body
                == .json(
                    .object([
                        "code": .number(0), "message": .string("Success"), "request_id": .string("r1"), "data": .object(["categories": .array([])]),
                    ])
                )
        )
        let second = cassette.interactions[1]
        #expect(second.match.ignore.map(\.description) == ["body.page_token", "body.items.*.sku"])
        #expect(second.match.ignoreArrayOrder)
        #expect(second.response.status == 429)
        #expect(second.response.headers == ["retry-after": "30"])
        #expect(second.response.body == .text("slow down"))
        #expect(second.line == 16)
    }

    /// Webhooks a receiver got are read with their lines, whichever way the file is parsed.
    @Test func aPlaceholderIsFoundAnywhereInAValue() {
        for value in ["<redacted>", "<redacted:sign:2>", "Bearer <redacted:authorization:1>", "é<redacted", "<<redacted>"] {
            #expect(Cassette.holdsPlaceholder(value), "\(value)")
        }
        for value in ["", "<", "<redacte", "redacted", "< redacted>", "<REDACTED>", "é<redacteé"] {
            #expect(!Cassette.holdsPlaceholder(value), "\(value)")
        }
    }

    @Test func readsNotificationsWithTheirLines() throws {
        let text = """
            format: 1
            interactions: []
            notifications:
              - headers: {Authorization: <redacted:authorization:1>, Content-Type: application/json}
                body: {type: 15, tts_notification_id: "7327", shop_id: "7494", timestamp: 1700000000, data: {product_id: "1"}}
              - body_text: not json
            """
        let cassette = try Cassette.parse(text, file: "webhooks.yaml")
        #expect(cassette.notifications.map(\.line) == [4, 6])
        #expect(cassette.notifications[0].headers["authorization"] == "<redacted:authorization:1>")
        guard case .json(let body) = cassette.notifications[0].body else {
            Issue.record("not JSON")
            return
        }
        #expect(body["type"] == .number(15))
        #expect(cassette.notifications[1].body == .text("not json"))
    }

    /// Strings that YAML would read as numbers, booleans or null stay strings; numbers stay numbers.
    @Test func writingThenReadingGivesTheSameCassette() throws {
        let tricky: JSONValue = .object([
            "id": .string("1729587213455066935"), "yes": .string("yes"), "on": .string("on"), "null": .string("null"), "empty": .string(""),
            "tilde": .string("~"), "float": .string("1.5"), "dash": .string("- item"), "colon": .string("a: b"), "hash": .string("# not a comment"),
            "multiline": .string("line one\nline two"), "unicode": .string("Küche & Haushalt · キッチン"), "quote": .string("it's \"quoted\""),
            "count": .number(42), "price": .number(12.5), "tiny": .number(0.000001), "flag": .bool(false), "nothing": .null,
            "nested": .array([.object([:]), .array([]), .number(-3)]),
            "secret": .string("<redacted:access_token:1>"),
        ])
        let original = Cassette(
            description: "round trip",
            recording: Cassette.Recording(at: Date(timeIntervalSince1970: 1_793_610_000), from: "http://127.0.0.1:1", with: "test"),
            repeatPolicy: .none,
            match: Cassette.MatchRule(ignore: [FieldPath("query.page_token")!]),
            interactions: [
                Cassette.Interaction(
                    request: Cassette.RecordedRequest(
                        method: "POST",
                        path: "/p",
                        query: ["n": "007", "b": "true"],
                        headers: ["content-type": "application/json"],
                        body: .json(tricky)
                    ),
                    response: Cassette.RecordedResponse(status: 200, headers: ["x-a": "1"], body: .json(tricky)),
                    match: Cassette.MatchRule(ignore: [FieldPath("body.nested.*")!], ignoreArrayOrder: true)
                ),
                Cassette.Interaction(
                    request: Cassette.RecordedRequest(method: "GET", path: "/q"),
                    response: Cassette.RecordedResponse(status: 204, body: .text("{not json"))
                ),
            ],
            notifications: [Cassette.Notification(headers: ["authorization": "<redacted:authorization:2>"], body: .json(tricky))]
        )
        let text = original.yaml()
        var read = try Cassette.parse(text, file: "written.yaml")
        for index in read.interactions.indices { read.interactions[index].line = 0 }
        for index in read.notifications.indices { read.notifications[index].line = 0 }
        #expect(read == original, "\(text)")
        #expect(text.hasPrefix("# A tts-replay cassette"))
    }

    /// The shipped cassettes were written by serializing each whole cassette at once; written
    /// again, item by item, they are the same bytes.
    @Test(arguments: Cassette.builtInNames)
    func aShippedCassetteIsWrittenBackByteForByte(_ name: String) throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.appendingPathComponent("cassettes/\(name).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(try Cassette.load(contentsOf: url).yaml() == text)
    }

    @Test func aCassetteWithoutInteractionsIsWrittenAndReadBack() throws {
        let empty = Cassette(description: "nothing yet", recording: Cassette.Recording(with: "test"))
        let text = empty.yaml()
        #expect(text.contains("\ninteractions: []\n"), "\(text)")
        #expect(try Cassette.parse(text, file: "empty.yaml").interactions.isEmpty)
    }

    static let head = "format: 1\ninteractions:\n  - request:\n"

    @Test(arguments: [
        BrokenCase(
            name: "unknown key",
            yaml: "format: 1\ninteraction: []\n",
            line: 2,
            column: 1,
            keyPath: "interaction",
            message: "did you mean 'interactions'?"
        ),
        BrokenCase(
            name: "notification without a body",
            yaml: "format: 1\ninteractions: []\nnotifications:\n  - headers: {a: b}\n",
            line: 4,
            column: 5,
            keyPath: "notifications[0]",
            message: "a notification has a body"
        ),
        BrokenCase(name: "wrong format", yaml: "format: 2\ninteractions: []\n", line: 1, column: 1, keyPath: "", message: "cassette format 1, not 2"),
        BrokenCase(name: "missing format", yaml: "interactions: []\n", line: 1, column: 1, keyPath: "", message: "missing required key 'format'"),
        BrokenCase(
            name: "bad method",
            yaml: head + "      method: FETCH\n      path: /a\n    response: {}\n",
            line: 4,
            column: 15,
            keyPath: "interactions[0].request.method",
            message: "'FETCH' is not an HTTP method"
        ),
        BrokenCase(
            name: "query in the path",
            yaml: head + "      method: GET\n      path: /a?x=1\n    response: {}\n",
            line: 5,
            column: 13,
            keyPath: "interactions[0].request.path",
            message: "put parameters under query"
        ),
        BrokenCase(
            name: "bad status",
            yaml: head + "      {method: GET, path: /a}\n    response: {status: 1000}\n",
            line: 5,
            column: 24,
            keyPath: "interactions[0].response.status",
            message: "not an HTTP status"
        ),
        BrokenCase(
            name: "bad field path",
            yaml: head + "      {method: GET, path: /a}\n    match: {ignore: [headers.x]}\n    response: {}\n",
            line: 5,
            column: 12,
            keyPath: "interactions[0].match",
            message: "'headers.x' is not a field path"
        ),
        BrokenCase(
            name: "body twice",
            yaml: head + "      {method: GET, path: /a}\n    response: {body: {}, body_text: x}\n",
            line: 5,
            column: 15,
            keyPath: "interactions[0].response",
            message: "not both"
        ),
        BrokenCase(
            name: "bad repeat",
            yaml: "format: 1\nrepeat: forever\ninteractions: []\n",
            line: 2,
            column: 9,
            keyPath: "repeat",
            message: "is not one of: last, cycle, none"
        ),
        BrokenCase(
            name: "missing response",
            yaml: head + "      {method: GET, path: /a}\n",
            line: 3,
            column: 5,
            keyPath: "interactions[0]",
            message: "missing required key 'response'"
        ),
    ])
    func brokenCassetteIsLocated(_ broken: BrokenCase) {
        do {
            _ = try Cassette.parse(broken.yaml, file: "c.yaml")
            Issue.record("\(broken.name) was accepted")
        } catch {
            guard let diagnostic = error.diagnostics.first(where: { $0.message.contains(broken.message) }) else {
                Issue.record("no diagnostic says '\(broken.message)': \(error)")
                return
            }
            #expect(diagnostic.file == "c.yaml")
            #expect(diagnostic.line == broken.line, "\(diagnostic)")
            #expect(diagnostic.column == broken.column, "\(diagnostic)")
            #expect(diagnostic.keyPath == broken.keyPath)
            #expect(diagnostic.message.contains(broken.message), "\(diagnostic)")
        }
    }

    @Test func aScenarioNamesCassettesByFileOrBuiltInNameAndReportsTheMissing() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cassette-ref-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.sample.write(to: folder.appendingPathComponent("two.yaml"), atomically: true, encoding: .utf8)
        try "format: 1\ninteractions:\n  - request: {method: GET}\n".write(
            to: folder.appendingPathComponent("broken.yaml"),
            atomically: true,
            encoding: .utf8
        )

        let good = folder.appendingPathComponent("good.yaml")
        try "cassettes: [two.yaml]\nanswer_order: [cassettes, stubs]\n".write(to: good, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(contentsOf: good)
        #expect(scenario.cassettes.map(\.interactions.count) == [2])
        #expect(scenario.answerOrder == [.cassettes, .stubs])
        #expect(try Scenario.parse("name: x\n").answerOrder == [.stubs, .simulator, .cassettes])

        let bad = folder.appendingPathComponent("bad.yaml")
        try "name: bad\ncassettes:\n  - missing.yaml\n  - broken.yaml\n".write(to: bad, atomically: true, encoding: .utf8)
        do {
            _ = try Scenario.load(contentsOf: bad)
            Issue.record("missing and broken cassettes were accepted")
        } catch {
            let missing = try #require(error.diagnostics.first { $0.file == bad.path })
            #expect(missing.line == 3 && missing.column == 5 && missing.keyPath == "cassettes[0]")
            #expect(missing.message.contains("no cassette file at"))
            let broken = try #require(error.diagnostics.first { $0.file.hasSuffix("broken.yaml") })
            #expect(broken.line == 3 && broken.keyPath == "interactions[0].request")
        }
    }

    /// One file named twice, by two spellings, is reported once at the second name; its own
    /// problems are not reported twice.
    @Test func aCassetteNamedTwiceIsReportedOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cassette-twice-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "format: 1\ninteractions:\n  - request: {method: GET}\n".write(
            to: folder.appendingPathComponent("broken.yaml"),
            atomically: true,
            encoding: .utf8
        )
        let scenario = folder.appendingPathComponent("s.yaml")
        try "name: twice\ncassettes:\n  - broken.yaml\n  - ../\(folder.lastPathComponent)/broken.yaml\n".write(
            to: scenario,
            atomically: true,
            encoding: .utf8
        )
        do {
            _ = try Scenario.load(contentsOf: scenario)
            Issue.record("a cassette named twice was accepted")
        } catch {
            #expect(error.diagnostics.filter { $0.file.hasSuffix("broken.yaml") }.count == 1, "\(error)")
            let twice = try #require(error.diagnostics.first { $0.file == scenario.path })
            #expect(twice.line == 4 && twice.keyPath == "cassettes[1]")
            #expect(twice.message.contains("names the same cassette as cassettes[0]"))
        }
    }

    @Test(arguments: ["answer_order: []\n", "answer_order: [stubs, stubs]\n", "answer_order: [stub]\n"])
    func answerOrderMustNameEachSourceOnce(_ yaml: String) {
        do {
            _ = try Scenario.parse(yaml, file: "order.yaml")
            Issue.record("\(yaml) was accepted")
        } catch {
            #expect(error.diagnostics[0].keyPath.hasPrefix("answer_order"), "\(error)")
            #expect(error.diagnostics[0].line == 1)
        }
    }

    @Test func lintTellsCassettesFromScenarios() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let cassette = folder.appendingPathComponent("c.yaml")
        try "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    respons: {}\n".write(to: cassette, atomically: true, encoding: .utf8)
        let diagnostics = Linter.diagnostics(forFileAt: cassette)
        #expect(diagnostics.contains { $0.message.contains("did you mean 'response'") && $0.line == 4 })
        let scenario = folder.appendingPathComponent("s.yaml")
        try "nme: x\n".write(to: scenario, atomically: true, encoding: .utf8)
        #expect(Linter.diagnostics(forFileAt: scenario).first?.message.contains("did you mean 'name'") == true)
    }
}
