import Foundation
import Synchronization
import Testing

@testable import Scenarios

#if canImport(Glibc)
import Glibc
#endif

/// No file costs more than its size: alias bombs, huge files, devices, FIFOs and binary files
/// get a diagnostic that says what they are, located where that makes sense, and are never read
/// past the limit or waited on.
@Suite("File limits")
struct FileLimitTests {
    /// Lines of a "billion laughs": `levels` anchored lists, each holding nine aliases of the
    /// one before, indented by `indentation`. The first list is on line `firstLine`.
    static func laughs(levels: Int, indentation: String) -> [String] {
        let names = (0..<levels).map { "l\($0)" }
        var lines = ["\(indentation)\(names[0]): &\(names[0]) [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1..<levels {
            let aliases = Array(repeating: "*\(names[level - 1])", count: 9).joined(separator: ", ")
            lines.append("\(indentation)\(names[level]): &\(names[level]) [\(aliases)]")
        }
        return lines
    }

    /// The level whose first alias takes the copied nodes past 100,000: the copies add up to 90,
    /// 909, 8,289 and 74,718 over levels 1 to 4, and the first alias of level 5 adds 66,430.
    static let overrunLevel = 5

    static func scenario(levels: Int) -> (text: String, aliasLine: Int) {
        let head = ["name: bomb", "stubs:", "  - name: laughs", "    respond:", "      data:"]
        let text = (head + laughs(levels: levels, indentation: "        ")).joined(separator: "\n") + "\n"
        return (text, head.count + overrunLevel + 1)
    }

    static func cassette(levels: Int) -> (text: String, aliasLine: Int) {
        let head = ["format: 1", "interactions:", "- request:", "    method: POST", "    path: /product/202309/products", "    body:"]
        let tail = ["  response:", "    status: 200"]
        let text = (head + laughs(levels: levels, indentation: "      ") + tail).joined(separator: "\n") + "\n"
        return (text, head.count + overrunLevel + 1)
    }

    /// The column of the first alias on a line of the laughs.
    static func aliasColumn(in text: String, line: Int) -> Int {
        let content = text.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]
        return content.distance(from: content.startIndex, to: content.firstIndex(of: "*")!) + 1
    }

    static func temporaryFile(_ name: String, _ contents: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("file-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The diagnostics a load throws, empty when it loads.
    static func diagnostics(_ load: () throws(DiagnosticError) -> Void) -> [Diagnostic] {
        do {
            try load()
            return []
        } catch {
            return error.diagnostics
        }
    }

    static func expectAliasBomb(_ diagnostics: [Diagnostic], file: String, line: Int, column: Int) {
        #expect(diagnostics.count == 1, "\(diagnostics)")
        let diagnostic = diagnostics.first
        #expect(diagnostic?.file == file)
        #expect(diagnostic?.line == line)
        #expect(diagnostic?.column == column)
        #expect(diagnostic?.message.hasPrefix("the alias *l4 takes what aliases copy past 100000 nodes or 16 MiB") == true, "\(diagnostics)")
    }

    // MARK: - Alias bombs

    /// Six levels copy 600,000 nodes: small enough that a loader without the limit finishes
    /// (in seconds) and accepts it, large enough to pass the limit.
    @Test func anAliasBombInAStubBodyIsRefusedAtTheAliasThatPassesTheLimit() async throws {
        let (text, line) = Self.scenario(levels: 6)
        let diagnostics = try await offThePool { Self.diagnostics { () throws(DiagnosticError) in _ = try Scenario.parse(text, file: "bomb.yaml") } }
        Self.expectAliasBomb(diagnostics, file: "bomb.yaml", line: line, column: Self.aliasColumn(in: text, line: line))
    }

    @Test func aBillionLaughsInAStubBodyIsRefusedByLoadAndLint() async throws {
        let (text, line) = Self.scenario(levels: 9)
        #expect(text.utf8.count < 1_000)
        let url = try Self.temporaryFile("bomb.yaml", text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (loaded, linted) = try await offThePool {
            (Self.diagnostics { () throws(DiagnosticError) in _ = try Scenario.load(contentsOf: url) }, Linter.diagnostics(forFileAt: url))
        }
        let column = Self.aliasColumn(in: text, line: line)
        Self.expectAliasBomb(loaded, file: url.path, line: line, column: column)
        Self.expectAliasBomb(linted, file: url.path, line: line, column: column)
    }

    @Test(arguments: [6, 9])
    func anAliasBombInACassetteRequestBodyIsRefusedByLoadAndLint(levels: Int) async throws {
        let (text, line) = Self.cassette(levels: levels)
        let url = try Self.temporaryFile("bomb-cassette.yaml", text)
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let (loaded, linted) = try await offThePool {
            (Self.diagnostics { () throws(DiagnosticError) in _ = try Cassette.load(contentsOf: url) }, Linter.diagnostics(forFileAt: url))
        }
        let column = Self.aliasColumn(in: text, line: line)
        Self.expectAliasBomb(loaded, file: url.path, line: line, column: column)
        Self.expectAliasBomb(linted, file: url.path, line: line, column: column)
    }

    /// Few nodes, many bytes: one 100 KB value anchored and copied 1,000 times is 100 MB from
    /// a file of 110 KB. It was loaded (1.6 GB resident), and larger ones ran out of memory.
    @Test func aLargeValueCopiedByManyAliasesIsRefusedAtTheAliasThatPassesTheByteLimit() async throws {
        let value = String(repeating: "x", count: 100_000)
        let text = "name: bytes\nstubs:\n  - name: big\n    respond: {data: {items: [&b \"\(value)\"\(String(repeating: ", *b", count: 1_000))]}}\n"
        let diagnostics = try await offThePool { Self.diagnostics { () throws(DiagnosticError) in _ = try Scenario.parse(text, file: "bytes.yaml") } }
        #expect(diagnostics.count == 1, "\(diagnostics)")
        #expect(diagnostics.first?.line == 4)
        #expect(diagnostics.first?.message.hasPrefix("the alias *b takes what aliases copy past 100000 nodes or 16 MiB") == true)
        // 16 MiB is passed at the 168th copy: the diagnostic points at it.
        let column = try #require(diagnostics.first?.column)
        let prefix = "    respond: {data: {items: [&b \"\(value)\"" + String(repeating: ", *b", count: 167) + ", "
        #expect(column == prefix.count + 1)
    }

    /// A leading byte order mark is dropped, as editors hide it: a scenario and a cassette of
    /// two top-level keys failed ("did not find expected <document start>"), and the columns
    /// of the first line were one too far.
    @Test func aByteOrderMarkIsDroppedAndColumnsCountWithoutIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func write(_ name: String, _ text: String) throws -> URL {
            let url = folder.appendingPathComponent(name)
            try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: url)
            return url
        }
        #expect(try Scenario.load(contentsOf: write("two-keys.yaml", "name: x\nseed: 1\n")).seed == 1)
        #expect(try Cassette.load(contentsOf: write("cassette.yaml", "format: 1\ninteractions: []\n")).interactions.isEmpty)
        let broken = try write("broken.yaml", #"{description: "x", seed: abc}"# + "\n")
        let diagnostics = Linter.diagnostics(forFileAt: broken)
        #expect(diagnostics.map { "\($0.line):\($0.column)" } == ["1:26"], "\(diagnostics)")
    }

    /// A stub body of 20,000 members is read whole, at a cost linear in its size (decoded key
    /// by key it cost 20,000 lookups of 20,000: 42 s for `lint`, 0.9 s now).
    @Test func aStubBodyOfManyMembersIsReadWhole() throws {
        let members = (0..<20_000).map { "        k\($0): \($0)" }.joined(separator: "\n")
        let text = "name: wide\nstubs:\n  - match: {operation: get_categories}\n    respond:\n      data:\n\(members)\n"
        let data = try #require(try Scenario.parse(text).stubs.first?.response.data?.object)
        #expect(data.count == 20_000)
        #expect(data["k19999"] == .number(19_999))
        // The fields a stub matches on, read the same way.
        let matched =
            text.replacingOccurrences(of: "  - match: {operation: get_categories}\n    respond:\n      data:", with: "  - match:\n      body:")
            + "    respond: {data: {}}\n"
        let body = try #require(try Scenario.parse(matched).stubs.first?.match.body)
        #expect(body.count == 20_000 && body["k7"] == .number(7))
    }

    /// Wide mappings of strings (a stub's query, a cassette's query and headers) are read from
    /// their node at once, to the same values and problems as narrow ones: 20,000 query
    /// parameters took 40 s to lint, each looked up through the whole mapping.
    @Test(arguments: [10, 20_000])
    func aWideQueryReadsAsANarrowOneDoes(_ count: Int) throws {
        let pairs = (0..<count).map { "        k\($0): \($0 % 2 == 0 ? "v\($0)" : "\($0)")" }.joined(separator: "\n")
        let stub = "name: q\nstubs:\n  - match:\n      operation: get_categories\n      query:\n\(pairs)\n    respond: {data: {}}\n"
        let query = try #require(try Scenario.parse(stub).stubs.first?.match.query)
        #expect(query.count == count)
        #expect(query["k0"] == "v0" && query["k\(count - 1)"] == "\(count - 1)")
        let bad = stub.replacingOccurrences(of: "    respond:", with: "        bad: [1]\n    respond:")
        let error = #expect(throws: DiagnosticError.self) { try Scenario.parse(bad, file: "q.yaml") }
        #expect(error?.diagnostics.map(\.message) == ["expected a single value, found a list"], "\(String(describing: error))")
        #expect(error?.diagnostics.first?.line == count + 6)

        let cassetteQuery = (0..<count).map { "        k\($0): \($0)" }.joined(separator: "\n")
        let cassette =
            "format: 1\ninteractions:\n  - request:\n      method: GET\n      path: /x\n      query:\n\(cassetteQuery)\n    response: &r {body: {}}\n"
        let recorded = try #require(try Cassette.parse(cassette).interactions.first?.request.query)
        #expect(recorded.count == count && recorded["k1"] == "1")
    }

    /// The depth limit holds whatever the text looks like: 700 mappings indented one space each,
    /// and brackets after an apostrophe in a plain value (`it's`), passed the text's check.
    @Test func nestingPastTheLimitIsRefusedHoweverItIsWritten() throws {
        let block = (0..<300).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " 1\n"
        let flow =
            "name: x\ndescription: it's\nstubs: [{respond: {data: \(String(repeating: "[", count: 300))\(String(repeating: "]", count: 300))}}]\n"
        for (text, line) in [("note:\n" + block.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n") + "\n", 201), (flow, 3)] {
            let error = #expect(throws: DiagnosticError.self) { try Scenario.parse(text, file: "deep.yaml") }
            let diagnostic = error?.diagnostics.first
            #expect(diagnostic?.message == "nested more than 200 levels deep; no scenario or cassette needs that", "\(String(describing: error))")
            #expect(diagnostic?.line == line)
        }
    }

    /// A key that is a mapping or a list (`? {descripton: y}`) is refused at its place: no model
    /// reads one, and it was ignored without a word, typo and all.
    @Test(arguments: [("? {descripton: y}\n: 1\n", "mapping"), ("? [mode]\n: 1\n", "list")])
    func aKeyThatIsACollectionIsRefused(_ key: String, _ kind: String) {
        let error = #expect(throws: DiagnosticError.self) { try Scenario.parse("name: x\n" + key, file: "keys.yaml") }
        #expect(
            error?.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
                "2:3 a mapping key must be a single value such as a name, not a \(kind)"
            ]
        )
    }

    /// Past 100 problems in a document, the rest are counted, not listed: each listed one costs
    /// a search for its place, and 10,000 unknown keys took 24 s.
    @Test func problemsPastTheFirstHundredAreCounted() {
        let text = "name: noisy\n" + (0..<150).map { "unknown\($0): 1" }.joined(separator: "\n") + "\n"
        let error = #expect(throws: DiagnosticError.self) { try Scenario.parse(text, file: "noisy.yaml") }
        let diagnostics = error?.diagnostics ?? []
        #expect(diagnostics.count == 101)
        #expect(diagnostics.contains { $0.message == "50 more problems after these 100 are not listed; mend these first" })
        #expect(diagnostics.contains { $0.message.hasPrefix("unknown key 'unknown0'") && $0.line == 2 })
        #expect(!diagnostics.contains { $0.message.hasPrefix("unknown key 'unknown100'") })
    }

    @Test func aliasesBelowTheLimitStillWork() throws {
        let text = """
            name: shared
            stubs:
              - name: first
                respond: {data: &shared {items: [1, 2, 3], total: 3}}
              - name: second
                respond: {data: *shared}
            """
        let scenario = try Scenario.parse(text)
        #expect(scenario.stubs[1].response.data == scenario.stubs[0].response.data)
        #expect(scenario.stubs[1].response.data?["total"] == .number(3))
    }

    // MARK: - Files that are not scenarios

    @Test func aFileOverTheLimitIsRefusedFromItsSizeWithoutBeingRead() throws {
        let url = try Self.temporaryFile("huge.yaml", "")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        // Sparse: 200 MiB long, no block written, so only its size can tell it apart.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 200 * 1_048_576)
        try handle.close()
        let diagnostics = Linter.diagnostics(forFileAt: url)
        #expect(diagnostics.map(\.message) == ["the file is 200 MiB (209715200 bytes), over the limit of 64 MiB; split it"])
    }

    @Test func aCharacterDeviceIsNamedForWhatItIs() {
        let diagnostics = Linter.diagnostics(forFileAt: URL(fileURLWithPath: "/dev/zero"))
        #expect(diagnostics.map(\.description) == ["/dev/zero: error: not a regular file: a character device"])
    }

    @Test func aFolderIsNamedForWhatItIs() throws {
        let diagnostics = Linter.diagnostics(forFileAt: FileManager.default.temporaryDirectory)
        #expect(diagnostics.map(\.message) == ["not a regular file: a folder"])
    }

    /// Opening a FIFO for reading waits for a writer; the loader must not. Should it ever wait,
    /// the test opens the FIFO for writing after a deadline, which ends the wait, and fails.
    @Test func aFIFOIsNamedForWhatItIsWithoutWaitingForAWriter() async throws {
        let url = try Self.temporaryFile("pipe.yaml", "")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try FileManager.default.removeItem(at: url)
        try #require(mkfifo(url.path, 0o600) == 0)
        let finished = LockedFlag()
        let deadline = Task {
            try await Task.sleep(for: .seconds(20))
            guard !finished.isSet else { return }
            Issue.record("reading a FIFO waited for a writer")
            let writer = open(url.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
        }
        let diagnostics = try await offThePool { Linter.diagnostics(forFileAt: url) }
        finished.set()
        deadline.cancel()
        #expect(diagnostics.map(\.message) == ["not a regular file: a FIFO (named pipe)"])
    }

    @Test func aMissingFileIsNamedAsMissing() {
        let diagnostics = Linter.diagnostics(forFileAt: URL(fileURLWithPath: "/nonexistent/scenario.yaml"))
        #expect(diagnostics.map(\.message) == ["no such file"])
    }

    @Test func aNULByteIsLocated() throws {
        let url = try Self.temporaryFile("nul.yaml", "name: x\nde\u{0}scription: y\n")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        let diagnostics = Linter.diagnostics(forFileAt: url)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 2)
        #expect(diagnostics.first?.column == 3)
        #expect(diagnostics.first?.message.hasPrefix("the file contains a NUL byte at 2:3") == true, "\(diagnostics)")
    }

    @Test func bytesThatAreNotUTF8AreLocated() throws {
        let url = try Self.temporaryFile("latin1.yaml", "")
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try Data("name: x\ndescription: caf".utf8 + [0xE9] + Data("\n".utf8)).write(to: url)
        let diagnostics = Linter.diagnostics(forFileAt: url)
        #expect(diagnostics.map(\.description) == ["\(url.path):2:17: error: the file is not UTF-8 text (byte 0xE9 at 2:17)"])
    }
}

/// A flag set once, read from another task.
final class LockedFlag: Sendable {
    private let value = Mutex(false)

    var isSet: Bool { value.withLock { $0 } }

    func set() { value.withLock { $0 = true } }
}
