import Foundation
import Testing

@testable import Scenarios

/// A cassette read one interaction at a time is the cassette read as one document: same model,
/// same lines, same diagnostics; layouts the outline cannot vouch for are read whole.
@Suite("Cassette loading item by item")
struct CassetteItemByItemTests {
    /// A cassette text, and whether its layout lets it be read one interaction at a time.
    struct Layout: CustomTestStringConvertible, Sendable {
        var name: String
        var yaml: String
        var itemByItem: Bool

        var testDescription: String { name }
    }

    /// What one way of loading gave: the cassette, or the diagnostics.
    enum Outcome: Equatable {
        case cassette(Cassette)
        case diagnostics([Diagnostic])

        init(_ load: () throws(DiagnosticError) -> Cassette) {
            do {
                self = .cassette(try load())
            } catch {
                self = .diagnostics(error.diagnostics)
            }
        }
    }

    /// Today's way: the whole file as one node tree.
    static func whole(_ text: String, file: String = "t.yaml") -> Outcome {
        Outcome { () throws(DiagnosticError) in try Cassette.build(from: YAMLDocument(text: text, file: file), sourcePath: nil) }
    }

    /// The way loading goes now: item by item when it can, else whole.
    static func loaded(_ text: String, file: String = "t.yaml") -> Outcome {
        Outcome { () throws(DiagnosticError) in try Cassette.parse(text, file: file) }
    }

    @Test(arguments: Cassette.builtInNames)
    func everyShippedCassetteReadsTheSameItemByItem(_ name: String) async throws {
        let url = try #require(Cassette.builtInURL(named: name))
        let (whole, alone, loaded) = try await offThePool {
            let text = try String(contentsOf: url, encoding: .utf8)
            return (
                try Cassette.build(from: YAMLDocument(text: text, file: url.path), sourcePath: url.path),
                Cassette.buildItemByItem(text: text, file: url.path, sourcePath: url.path, partBytes: 1),
                try Cassette.load(contentsOf: url)
            )
        }
        #expect(whole.interactions.count > 1)
        // Compared by equality only: a failure would print three 200 KiB cassettes.
        #expect(alone == whole, "each item alone")
        #expect(loaded == whole, "in parts")
    }

    @Test(arguments: [
        Layout(
            name: "comment lines at column 0 inside and between items",
            yaml: """
                format: 1
                interactions:   # the calls, in order
                # before the first item
                  - request:
                      method: GET
                # inside the first item
                      path: /a
                    response:
                      body: {code: 0, data: {ids: ["1", "2"]}}
                # between items

                  - request: {method: GET, path: /b}
                    response: {status: 204}

                """,
            itemByItem: true
        ),
        Layout(
            name: "block scalars in bodies",
            yaml: """
                format: 1
                interactions:
                  - request:
                      method: POST
                      path: /a
                      body_text: |
                        first line

                        - not an item
                        # not a comment
                    response:
                      body:
                        note: |+
                          kept, with the blank lines after it


                  - request: {method: GET, path: /b}
                    response:
                      body_text: >-
                        folded
                        text
                  - request: {method: GET, path: /c}
                    response:
                      body_text: |2
                          indented by two more
                description: after the items

                """,
            itemByItem: true
        ),
        Layout(
            name: "compact items at column 0 and trailing top-level keys",
            yaml: """
                format: 1
                interactions:
                - request: {method: GET, path: /a}
                  response: {status: 200}
                -
                  request: {method: GET, path: /b}
                  response: {status: 201}
                - request: {method: GET, path: /c}
                  response:
                    body:
                    - {id: "1"}
                    - {id: "2"}
                repeat: cycle
                match: {ignore: [query.page_token]}
                description: keys after the items
                """,
            itemByItem: true
        ),
        Layout(
            name: "metadata before and after, items indented by four",
            yaml: """
                # A cassette written by hand.
                format: 1
                description: >
                  two lines
                  of description
                recorded: {at: 2026-11-02T09:00:00Z, with: hand}
                interactions:
                    - request: {method: GET, path: /a, query: &q {page_size: 20}}
                      response: {status: 200, headers: *q}
                    - request: {method: DELETE, path: /b}
                      match: {ignore: [body.x]}
                      response: {}
                repeat: none
                """,
            itemByItem: true
        ),
        Layout(
            name: "CRLF line endings",
            yaml: "format: 1\r\ninteractions:\r\n  - request: {method: GET, path: /a}\r\n\r\n    response:\r\n      body_text: |\r\n        x\r\n"
                + "# note\r\n  - request: {method: GET, path: /b}\r\n    response: {body: {a: 1}}\r\ndescription: crlf\r\n",
            itemByItem: true
        ),
        Layout(
            name: "no line break at the end",
            yaml: "format: 1\ninteractions:\n- request: {method: GET, path: /a}\n  response: {body: {a: 1}}",
            itemByItem: true
        ),
        Layout(
            name: "a multi-line flow mapping continued at column 0",
            yaml: """
                format: 1
                interactions:
                - {request: {method: GET, path: /a},
                response: {status: 200}}
                - request: {method: GET, path: /b}
                  response: {status: 201}
                """,
            itemByItem: false
        ),
        Layout(
            name: "a multi-line flow mapping continued less indented than its item",
            yaml: """
                format: 1
                interactions:
                  - {request: {method: GET,
                path: /a}, response: {status: 200}}
                  - request: {method: GET, path: /b}
                    response: {status: 201}
                """,
            itemByItem: false
        ),
        Layout(
            name: "a quoted scalar continued at column 0",
            yaml: """
                format: 1
                interactions:
                  - request: {method: GET, path: /a}
                    response: {body_text: "one
                two"}
                """,
            itemByItem: false
        ),
        Layout(
            name: "an alias to an anchor in another item",
            yaml: """
                format: 1
                interactions:
                  - request: {method: GET, path: /a}
                    response: {body: &answer {code: 0, data: {id: x}}}
                  - request: {method: GET, path: /b}
                    response: {body: *answer}
                """,
            itemByItem: false
        ),
        Layout(
            name: "an alias to an anchor before the items",
            yaml: """
                format: 1
                match: &rule {ignore: [query.x]}
                interactions:
                  - request: {method: GET, path: /a}
                    match: *rule
                    response: {}
                """,
            itemByItem: false
        ),
        Layout(
            name: "a flow mapping at the top",
            yaml: "{format: 1,\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {}\n}\n",
            itemByItem: false
        ),
        Layout(
            name: "a document marker before the items",
            yaml: "--- {format: 1,\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {}\n}\n",
            itemByItem: false
        ),
        Layout(name: "only format and an empty list", yaml: "format: 1\ninteractions: []\n", itemByItem: false),
        Layout(
            name: "JSON",
            yaml: #"{"format": 1, "interactions": [{"request": {"method": "GET", "path": "/a"}, "response": {"status": 200}}]}"#,
            itemByItem: false
        ),
        Layout(
            name: "a flow sequence",
            yaml: "format: 1\ninteractions: [{request: {method: GET, path: /a}, response: {}}]\n",
            itemByItem: false
        ),
        Layout(
            name: "a tab",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body_text: \"a\tb\"}\n",
            itemByItem: false
        ),
        Layout(
            name: "a lone carriage return",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {body_text: \"a\rb\"}\n",
            itemByItem: false
        ),
        Layout(
            name: "interactions indented",
            yaml: "format: 1\n interactions:\n  - request: {method: GET, path: /a}\n    response: {}\n",
            itemByItem: false
        ),
        Layout(
            name: "an anchor on the list",
            yaml: "format: 1\ninteractions: &all\n  - request: {method: GET, path: /a}\n    response: {}\n",
            itemByItem: false
        ),
        Layout(
            name: "items at two indentations",
            yaml:
                "format: 1\ninteractions:\n    - request: {method: GET, path: /a}\n      response: {}\n  - request: {method: GET, path: /b}\n    response: {}\n",
            itemByItem: false
        ),
        Layout(
            name: "interactions twice",
            yaml: "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {}\n\"interactions\": []\n",
            itemByItem: false
        ),
        Layout(
            name: "a document marker after the items",
            yaml: "format: 1\ninteractions:\n- request: {method: GET, path: /a}\n  response: {}\n---\nformat: 1\n",
            itemByItem: false
        ),
    ])
    func layoutIsReadItemByItemOnlyWhenItIsPlainAndGivesTheSameResult(_ layout: Layout) throws {
        let whole = Self.whole(layout.yaml)
        #expect(Self.loaded(layout.yaml) == whole)
        // Every item parsed alone, the strictest test of the cuts, then items in parts as loading does.
        let alone = Cassette.buildItemByItem(text: layout.yaml, file: "t.yaml", sourcePath: nil, partBytes: 1)
        let inParts = Cassette.buildItemByItem(text: layout.yaml, file: "t.yaml", sourcePath: nil)
        if layout.itemByItem {
            guard case .cassette(let cassette) = whole else {
                Issue.record("the whole document does not load: \(whole)")
                return
            }
            #expect(alone == cassette)
            #expect(inParts == cassette)
        } else {
            #expect(alone == nil)
            #expect(inParts.map { Outcome.cassette($0) == whole } != false)
        }
    }

    /// The outline cuts where the items start and end, and counts their lines as the file does.
    @Test func outlineCutsAtEachItemAndBlanksThemInTheHead() throws {
        let text = """
            format: 1
            interactions: # calls
            # first
              - request: {method: GET, path: /a}
            # inside
                response: {}

              - request: {method: GET, path: /b}
                response: {}
            description: after

            """
        let outline = try #require(CassetteOutline(text))
        #expect(outline.interactionsLine == 2)
        #expect(
            outline.items.map { String(text[$0.range]) } == [
                "  - request: {method: GET, path: /a}\n# inside\n    response: {}\n\n",
                "  - request: {method: GET, path: /b}\n    response: {}\n",
            ]
        )
        #expect(outline.items.map(\.lineOffset) == [3, 7])
        #expect(outline.parts(bytes: 1).map(\.range) == outline.items.map(\.range))
        #expect(outline.parts(bytes: 1).map(\.lineOffset) == [3, 7])
        let parts = outline.parts(bytes: 1_000)
        #expect(parts.map(\.items) == [2])
        #expect(parts.map(\.lineOffset) == [3])
        #expect(parts.map { String(text[$0.range]) } == [outline.items.map { String(text[$0.range]) }.joined()])
        #expect(outline.head == "format: 1\ninteractions: []\n\n\n\n\n\n\n\ndescription: after\n")
    }

    /// A broken item deep in a large file is reported exactly where the whole document reports it.
    @Test(arguments: [
        BrokenCase(
            name: "bad method",
            yaml: "      method: FETCH",
            line: 1_504,
            column: 15,
            keyPath: "interactions[375].request.method",
            message: "'FETCH' is not an HTTP method"
        ),
        BrokenCase(
            name: "misspelt key",
            yaml: "      metod: GET",
            line: 1_504,
            column: 7,
            keyPath: "interactions[375].request.metod",
            message: "did you mean 'method'?"
        ),
        BrokenCase(name: "YAML syntax", yaml: "      path: {a: [1, 2}", line: 1_505, column: 22, keyPath: "", message: "YAML syntax"),
        BrokenCase(
            name: "misspelt response",
            yaml: "    respons: {}",
            line: 1_506,
            column: 5,
            keyPath: "interactions[375].respons",
            message: "did you mean 'response'?"
        ),
    ])
    func aBrokenItemInALargeFileIsLocatedAsBefore(_ broken: BrokenCase) async throws {
        // Item n runs from line 3 + 4n: `- request:`, method, path, response.
        var lines = ["format: 1", "interactions:"]
        for index in 0..<1_500 {
            lines += ["  - request:", "      method: GET", "      path: /p/\(index)", "    response: {body: {id: \(index)}}"]
        }
        lines[broken.line - 1] = broken.yaml
        let text = lines.joined(separator: "\n") + "\ndescription: big\n"
        let (whole, loaded) = try await offThePool { (Self.whole(text, file: "big.yaml"), Self.loaded(text, file: "big.yaml")) }
        #expect(loaded == whole)
        guard case .diagnostics(let diagnostics) = loaded else {
            Issue.record("\(broken.name) was accepted")
            return
        }
        let diagnostic = try #require(diagnostics.first { $0.message.contains(broken.message) }, "\(diagnostics)")
        #expect(diagnostic.file == "big.yaml")
        #expect(diagnostic.line == broken.line, "\(diagnostic)")
        #expect(diagnostic.column == broken.column, "\(diagnostic)")
        #expect(diagnostic.keyPath == broken.keyPath, "\(diagnostic)")
    }

    /// A part parsed on its own reports the file's lines, not the part's.
    @Test func anItemParsedOnItsOwnReportsTheFilesLines() throws {
        let text =
            "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {}\n  - request: {method: FETCH, path: /b}\n    response: {}\n"
        let outline = try #require(CassetteOutline(text))
        let item = outline.items[1]
        let document = try YAMLDocument(checkedText: String(text[item.range]), file: "t.yaml", lineOffset: item.lineOffset)
        #expect(throws: DiagnosticError.self) { try document.decode([CassetteFile.InteractionEntry].self) }
        do {
            _ = try document.decode([CassetteFile.InteractionEntry].self)
        } catch {
            #expect(error.diagnostics.map(\.line) == [5])
            #expect(error.diagnostics.map(\.column) == [23], "at the method's value")
        }
        guard case .diagnostics(let whole) = Self.whole(text) else {
            Issue.record("FETCH was accepted")
            return
        }
        #expect(whole.map(\.line) == [5])
        #expect(whole.map(\.column) == [23])
    }

    /// Short cassettes in both layouts, with the features the outline must respect.
    static let originals: [String: String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../cassettes/catalogue-gb.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { lines[$0].hasPrefix("- request:") }
        // The small items only: the head, the first item and the fourth to seventh.
        let picked = [0, 3, 4, 5].map { lines[starts[$0]..<starts[$0 + 1]].joined(separator: "\n") }
        let shipped = lines[..<starts[0]].joined(separator: "\n") + "\n" + picked.joined(separator: "\n") + "\nrepeat: cycle\n"
        let indented = """
            format: 1
            description: hand-written
            interactions:  # in order
              - request: {method: GET, path: /a, query: {page_size: 20}}
            # a note
                response:
                  body: {code: 0, data: {ids: ["1", "2"], next: ''}}
              - request:
                  method: POST
                  path: /b
                  body_text: |
                    one
                    - two
                match: {ignore: [body.x]}
                response: {status: 201, headers: {Retry-After: "3"}}
              - {request: {method: GET, path: /c}, response: {body: [1, 2, {a: null}]}}
            match: {ignore: [query.page_token]}

            """
        return ["shipped": shipped, "indented": indented]
    }()

    /// Mutants of a cassette load the same item by item as whole, good or broken.
    @Test(arguments: ["shipped", "indented"])
    func mutantsLoadTheSameEitherWay(_ name: String) async throws {
        let original = try #require(Self.originals[name])
        #expect(Cassette.buildItemByItem(text: original, file: "t.yaml", sourcePath: nil, partBytes: 1) != nil)
        let outcomes = try await offThePool {
            (UInt64(0)..<300).map { seed -> (seed: UInt64, same: Bool, itemByItem: Bool) in
                let mutant = BrokenInputTests.mutate(original, seed: seed)
                let whole = Self.whole(mutant)
                let alone = Cassette.buildItemByItem(text: mutant, file: "t.yaml", sourcePath: nil, partBytes: 1)
                let same = Self.loaded(mutant) == whole && alone.map { Outcome.cassette($0) == whole } != false
                return (seed, same, alone != nil)
            }
        }
        #expect(outcomes.filter { !$0.same }.map(\.seed) == [])
        // Many mutants still load item by item, so the comparison is not only of fallbacks.
        #expect(outcomes.filter(\.itemByItem).count > 30)
    }
}
