import Foundation
import Testing

@testable import Scenarios

/// A cassette read in one pass over the parser's events is the cassette read from the whole node
/// tree: same model, same lines; whatever the pass does not cover is left to the node tree, which
/// reports the same diagnostics as before.
@Suite("Cassette loading from parser events")
struct CassetteEventDecoderTests {
    typealias Outcome = CassetteItemByItemTests.Outcome

    /// A cassette text, and whether the event pass reads it (else it leaves it to the node tree).
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var fromEvents: Bool

        var testDescription: String { name }
    }

    /// The cassette read from events in one pass, after checking that reading it in parts on
    /// several cores gives the same.
    static func fromEvents(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Cassette? {
        let cassette = CassetteEventDecoder.cassette(from: text, sourcePath: nil, parts: 1)
        #expect(CassetteEventDecoder.cassette(from: text, sourcePath: nil, parts: 3) == cassette, "in parts", sourceLocation: sourceLocation)
        return cassette
    }

    @Test(arguments: Cassette.builtInNames)
    func everyShippedCassetteReadsTheSameFromEvents(_ name: String) async throws {
        let url = try #require(Cassette.builtInURL(named: name))
        let (whole, events, inParts) = try await offThePool {
            let text = try String(contentsOf: url, encoding: .utf8)
            return (
                try Cassette.build(from: YAMLDocument(text: text, file: url.path), sourcePath: url.path),
                CassetteEventDecoder.cassette(from: text, sourcePath: url.path, parts: 1),
                CassetteEventDecoder.cassette(from: text, sourcePath: url.path, inParts: 4)
            )
        }
        #expect(whole.interactions.count > 1)
        // Compared by equality only: a failure would print two 200 KiB cassettes.
        #expect(events == whole)
        #expect(inParts == whole)
    }

    @Test(arguments: [
        Case(name: "every key, block style", yaml: CassetteLoadingTests.sample, fromEvents: true),
        Case(
            name: "plain scalars of every type in a body",
            yaml: """
                format: 1
                interactions:
                  - request: {method: POST, path: /a, body: {a: 0, b: -12, c: 017, d: 0x1F, e: 1_000, f: 1:30, g: 1.5, h: .inf, i: -.Inf}}
                    response:
                      body:
                        j: .Inf
                        k: 1e5
                        l: yes
                        m: No
                        n: ~
                        o: null
                        p:
                        q: 2001-12-14
                        r: <<
                        s: =
                        t: -0
                        u: 99999999999999999999
                        v: 08
                        w: +5
                        x: 0o17
                        y: 1.
                        z: [1, 'a', [true, "false", off]]
                        aa: 1:30.5
                        ab: .5
                        ac: 1e
                        ad: -0.0
                        ae: 9007199254740993
                """,
            fromEvents: true
        ),
        Case(
            name: "strings quoted, folded, literal and over several lines",
            yaml: """
                format: 1
                interactions:
                  - request: {method: GET, path: /a}
                    response:
                      body:
                        single: '007'
                        double: "tab\\there \\u00e9 \\"quoted\\""
                        literal: |
                          true
                          2
                        folded: >-
                          one
                          two
                        plain: first line

                          second line
                        empty: ''
                        unicode: café ☕
                """,
            fromEvents: true
        ),
        Case(
            name: "body keys of any spelling",
            yaml: """
                format: 1
                interactions:
                  - request: {method: GET, path: /a}
                    response: {body: {"null": 1, ~: 2, 1: x, '1.5': y, true: z, <<: m, =: v, yamlAnchor: a}}
                """,
            fromEvents: true
        ),
        Case(
            name: "query and header values read as written",
            yaml: """
                format: 1
                interactions:
                  - request:
                      method: get
                      path: /a
                      query: {page_size: 20, flag: true, ratio: 1.5, empty: , nothing: null, tilde: ~, hex: 0x10, 'quoted': '7', null: n, 1: one}
                      headers: {Content-Type: application/json, X-Count: 3}
                    response: {headers: {Retry-After: 30, ETag: '"x"'}}
                """,
            fromEvents: true
        ),
        Case(
            name: "optional keys given as null",
            yaml: """
                format: 1
                description: ~
                match: null
                repeat:
                interactions:
                  - request: {method: GET, path: /a, query: ~, headers: null, body_text: ~, body: {a: 1}}
                    match:
                    response: {status: ~, headers: , body: null, body_text: null}
                  - request: {method: GET, path: /b}
                    match: {ignore: ~, ignore_array_order: ~}
                    response: {}
                """,
            fromEvents: true
        ),
        Case(
            name: "matching rules and booleans in any case",
            yaml: """
                format: 1
                match: {ignore: [query.page_token], ignore_array_order: Yes}
                interactions:
                  - request: {method: GET, path: /a}
                    match: {ignore: [body.items.*.sku, 'body.ids.0'], ignore_array_order: TRUE}
                    response: {}
                  - request: {method: GET, path: /b}
                    match: {ignore_array_order: off}
                    response: {}
                """,
            fromEvents: true
        ),
        Case(
            name: "quoted keys",
            yaml: """
                "format": 1
                'interactions':
                  - "request": {'method': GET, "path": /a, query: {'page_size': '20'}}
                    'response': {"status": 201}
                """,
            fromEvents: true
        ),
        Case(
            name: "the layout of the benchmark's large cassette",
            yaml: """
                format: 1
                interactions:
                  - {request: {method: GET, path: /product/202309/products/1729000000000000000, query: {shop_cipher: 'GCP_1'}}, response: {body: {"code": 0, "message": "Success", "request_id": "2026", "data": {"id": "x"}}}}
                  - {request: {method: GET, path: /product/202309/products/1729000000000000001, query: {shop_cipher: 'GCP_1'}}, response: {body: {"code": 0, "message": "Success", "request_id": "2026", "data": {"id": "x"}}}}

                """,
            fromEvents: true
        ),
        Case(
            name: "JSON",
            yaml:
                #"{"format": 1, "recorded": {"at": "2026-11-02T09:00:00Z"}, "interactions": [{"request": {"method": "GET", "path": "/a"}, "response": {"body": {"a": [1.25, null, false]}}}]}"#,
            fromEvents: true
        ),
        Case(
            name: "metadata after the items, a document marker, comments",
            yaml:
                "%YAML 1.1\n---\n# c\nformat: 1\ninteractions: # c\n- request: {method: GET, path: /a}  # c\n  response: {}\nrecorded: {at: 2026-11-02T09:00:00Z, from: x}\n...\n",
            fromEvents: true
        ),
        Case(name: "no interactions", yaml: "format: 1\ninteractions: []\n", fromEvents: true),
        Case(
            name: "an anchor and an alias",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a, query: &q {a: 1}}\n    response: {headers: *q}\n",
            fromEvents: false
        ),
        Case(
            name: "an anchor alone",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: &b {a: 1}}\n",
            fromEvents: false
        ),
        Case(
            name: "an explicit tag",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: {id: !!str 123}}\n",
            fromEvents: false
        ),
        Case(
            name: "a merge key in a request",
            yaml: "format: 1\ninteractions:\n  - request: {<<: {method: GET}, path: /a}\n    response: {}\n",
            fromEvents: false
        ),
        Case(
            name: "a quoted query name that reads as a number",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a, query: {'1': x}}\n    response: {}\n",
            fromEvents: false
        ),
        Case(
            name: "a header given in two cases",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {headers: {ETag: a, etag: a}}\n",
            fromEvents: false
        ),
        Case(
            name: "a body key given twice",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: {a: 1, a: 2}}\n",
            fromEvents: false
        ),
        Case(
            name: "a body key given as a number and as text",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: {1: a, '1': b}}\n",
            fromEvents: false
        ),
        Case(name: "two documents", yaml: "format: 1\ninteractions: []\n---\nformat: 1\n", fromEvents: false),
        Case(name: "a syntax error", yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: [/a}\n", fromEvents: false),
        Case(
            name: "an unknown key",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a, qeury: {}}\n    response: {}\n",
            fromEvents: false
        ),
        Case(
            name: "a status in octal",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {status: 0310}\n",
            fromEvents: false
        ),
        Case(
            name: "a quoted status",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {status: '200'}\n",
            fromEvents: false
        ),
        Case(
            name: "a quoted boolean",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    match: {ignore_array_order: 'true'}\n    response: {}\n",
            fromEvents: false
        ),
        Case(
            name: "both bodies",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: ~, body_text: x}\n",
            fromEvents: false
        ),
        Case(name: "a bad format", yaml: "format: 2\ninteractions: []\n", fromEvents: false),
        Case(name: "no format", yaml: "interactions: []\n", fromEvents: false),
        Case(name: "no interactions key", yaml: "format: 1\n", fromEvents: false),
        Case(name: "a bad path", yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: a?b=1}\n    response: {}\n", fromEvents: false),
        Case(name: "an interaction that is not a mapping", yaml: "format: 1\ninteractions:\n  - GET /a\n", fromEvents: false),
    ])
    func caseIsReadFromEventsOnlyWhenCoveredAndGivesTheSameResult(_ example: Case) throws {
        let whole = CassetteItemByItemTests.whole(example.yaml)
        let events = Self.fromEvents(example.yaml)
        #expect((events != nil) == example.fromEvents)
        if let events { #expect(Outcome.cassette(events) == whole) }
        #expect(CassetteItemByItemTests.loaded(example.yaml) == whole)
    }

    /// A large cassette of the plain layout is read in parts that give the cassette of the whole
    /// file, lines included, whatever the number of parts.
    @Test(arguments: [2, 3, 7, 64])
    func aLargeCassetteReadInPartsIsTheWholeCassette(_ parts: Int) async throws {
        var lines = ["# large", "format: 1", "description: parts", "interactions:"]
        for index in 0..<1_000 {
            lines +=
                index.isMultiple(of: 2)
                ? ["  - request: {method: GET, path: /p/\(index)}", "    response: {body: {id: \(index), ok: true}}", ""]
                : [
                    "  - request:", "      method: POST", "      path: /p/\(index)", "      body: {n: \(index)}", "    response:",
                    "      body_text: |", "        \(index)",
                ]
        }
        let text = lines.joined(separator: "\n") + "\nrepeat: cycle\n"
        let (whole, inParts) = try await offThePool {
            (CassetteItemByItemTests.whole(text), CassetteEventDecoder.cassette(from: text, sourcePath: nil, inParts: parts))
        }
        let cassette = try #require(inParts)
        #expect(Outcome.cassette(cassette) == whole)
        #expect(cassette.interactions.count == 1_000)
        #expect(cassette.repeatPolicy == .cycle)
    }

    /// NaN is read as NaN (which equality alone cannot show: NaN equals nothing).
    @Test func notANumberReadsAsNotANumber() throws {
        let text = "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body: {a: .NaN, b: -.nan}}\n"
        let events = try #require(CassetteEventDecoder.cassette(from: text, sourcePath: nil, parts: 1))
        guard case .cassette(let whole) = CassetteItemByItemTests.whole(text) else {
            Issue.record("the whole document does not load")
            return
        }
        for cassette in [events, whole] {
            guard case .json(.object(let members)) = cassette.interactions.first?.response.body else {
                Issue.record("no JSON body")
                continue
            }
            #expect(members["a"].map { if case .number(let value) = $0 { value.isNaN } else { false } } == true)
            #expect(members["b"] == .string("-.nan"))
        }
    }

    /// What `Cassette.yaml()` writes, with bodies holding every kind of value and strings that
    /// look like other types, reads from events as from the node tree, and as written.
    @Test func aWrittenCassetteReadsTheSameFromEvents() throws {
        let tricky: [JSONValue] = [
            .string("007"), .string("true"), .string("null"), .string(""), .string("1.5"), .string("2001-12-14"), .string("<<"), .string("="),
            .string("a: b"), .string("- x"), .string("#"), .string("line\nbreak"), .string(" padded "), .string("café"), .number(0), .number(-3),
            .number(1.25), .number(1e20), .bool(true), .bool(false), .null, .array([]), .object([:]),
        ]
        var interactions: [Cassette.Interaction] = []
        for (index, value) in tricky.enumerated() {
            let body = JSONValue.object(["value": value, "list": .array([value, value]), "\(value)": .number(Double(index))])
            interactions.append(
                Cassette.Interaction(
                    request: Cassette.RecordedRequest(method: "POST", path: "/a/\(index)", query: ["q": "\(index)", "t": "true"], body: .json(body)),
                    response: Cassette.RecordedResponse(status: 200 + index, headers: ["x-value": "007"], body: .text("text \(index)")),
                    match: index.isMultiple(of: 3)
                        ? Cassette.MatchRule(ignore: [FieldPath("body.list.*")!], ignoreArrayOrder: true) : Cassette.MatchRule()
                )
            )
        }
        let written = Cassette(
            description: "every kind",
            recording: Cassette.Recording(at: Date(timeIntervalSince1970: 1_793_610_000), from: "https://x", with: "test"),
            repeatPolicy: .cycle,
            interactions: interactions
        ).yaml()
        let events = try #require(Self.fromEvents(written))
        #expect(Outcome.cassette(events) == CassetteItemByItemTests.whole(written))
        #expect(events.interactions.map(\.request.body) == interactions.map(\.request.body))
    }

    /// Mutants of a cassette, good or broken, load the same as from the whole node tree.
    @Test(arguments: ["shipped", "indented"])
    func mutantsLoadTheSameFromEvents(_ name: String) async throws {
        let original = try #require(CassetteItemByItemTests.originals[name])
        #expect(Self.fromEvents(original) != nil)
        let outcomes = try await offThePool {
            (UInt64(0)..<300).map { seed -> (seed: UInt64, same: Bool, fromEvents: Bool) in
                let mutant = BrokenInputTests.mutate(original, seed: seed)
                let whole = CassetteItemByItemTests.whole(mutant)
                let events = Self.fromEvents(mutant)
                let same = CassetteItemByItemTests.loaded(mutant) == whole && events.map { Outcome.cassette($0) == whole } != false
                return (seed, same, events != nil)
            }
        }
        #expect(outcomes.filter { !$0.same }.map(\.seed) == [])
        // Many mutants still load from events, so the comparison is not only of fallbacks.
        #expect(outcomes.filter(\.fromEvents).count > 30)
    }
}
