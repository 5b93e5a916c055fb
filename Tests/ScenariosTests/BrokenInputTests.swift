import Foundation
import Scenarios
import Testing

/// A generator of broken scenario files: every mutation of a good file either loads or is
/// refused with located diagnostics; none crashes the loader.
@Suite("Broken inputs")
struct BrokenInputTests {
    /// SplitMix64, so the mutations are the same every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// The shipped default scenario's text, read from the package.
    static let original: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../scenarios/default.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    /// One broken variant of the default scenario.
    static func mutate(_ text: String, seed: UInt64) -> String {
        var random = Generator(state: seed)
        var bytes = Array(text.utf8)
        switch seed % 6 {
        case 0:  // cut short
            bytes = Array(bytes.prefix(Int.random(in: 0..<max(1, bytes.count), using: &random)))
        case 1:  // a line lost
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 2:  // stray punctuation
            for _ in 0..<3 {
                bytes.insert(Array(":[]{}-#&*!|>'\"%@`,?".utf8).randomElement(using: &random)!, at: Int.random(in: 0..<bytes.count, using: &random))
            }
        case 3:  // indentation broken
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let index = Int.random(in: 0..<lines.count, using: &random)
            lines[index] = String(repeating: " ", count: Int.random(in: 1...7, using: &random)) + lines[index]
            bytes = Array(lines.joined(separator: "\n").utf8)
        case 4:  // a key misspelt
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let keyed = lines.indices.filter { lines[$0].contains(":") && !lines[$0].hasPrefix("#") }
            let index = keyed.randomElement(using: &random) ?? 0
            if let colon = lines[index].firstIndex(of: ":"), colon > lines[index].startIndex {
                lines[index].insert("x", at: colon)
            }
            bytes = Array(lines.joined(separator: "\n").utf8)
        default:  // random bytes
            for _ in 0..<4 {
                bytes.insert(UInt8.random(in: 0...255, using: &random), at: Int.random(in: 0..<bytes.count, using: &random))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func hundredsOfMutationsNeverCrashAndAlwaysPointIntoTheFile() async throws {
        try #require(!Self.original.isEmpty)
        // Parsed off the cooperative threads (see offThePool), checked here.
        let outcomes = try await offThePool {
            (UInt64(0)..<600).map { seed -> (seed: UInt64, lines: Int, diagnostics: [Diagnostic]?) in
                let text = Self.mutate(Self.original, seed: seed)
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                do {
                    _ = try Scenario.parse(text, file: "mutant-\(seed).yaml")
                    return (seed, lines, nil)
                } catch let error as DiagnosticError {
                    return (seed, lines, error.diagnostics)
                } catch {
                    return (seed, lines, [Diagnostic(file: "?", line: -1, column: 0, keyPath: "", message: "\(error)")])
                }
            }
        }
        var refused = 0
        for (seed, lines, diagnostics) in outcomes {
            guard let diagnostics else { continue }
            refused += 1
            #expect(!diagnostics.isEmpty)
            for diagnostic in diagnostics {
                #expect(diagnostic.file == "mutant-\(seed).yaml")
                #expect((0...lines + 1).contains(diagnostic.line), "seed \(seed): \(diagnostic)")
            }
        }
        #expect(refused > 300, "most mutations break the file")
    }

    @Test func deepNestingAndHugeFilesAreRefusedNotRecursedInto() {
        for text in ["a: " + String(repeating: "[", count: 100_000), "a: " + String(repeating: "{\"b\": ", count: 5000)] {
            do {
                _ = try Scenario.parse(text, file: "deep.yaml")
                Issue.record("deep nesting was accepted")
            } catch {
                #expect(error.diagnostics[0].message.contains("nested more than"))
            }
        }
        var blocks = ""
        for level in 0..<400 { blocks += String(repeating: "  ", count: level) + "k\(level):\n" }
        #expect(throws: DiagnosticError.self) { try Scenario.parse(blocks, file: "deep-blocks.yaml") }
    }

    /// The first interaction of a shipped cassette (a whole one is 200 KiB).
    static let cassette: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../cassettes/catalogue-gb.yaml")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let cut = lines.indices.filter { lines[$0].hasPrefix("- request:") }.dropFirst(1).first ?? lines.count
        return lines[..<cut].joined(separator: "\n") + "\n"
    }()

    /// Lint writes a folder of broken cassettes and scenarios and checks each: every file gets
    /// located diagnostics or none, and nothing crashes.
    @Test func lintSurvivesAFolderOfBrokenCassettesAndScenarios() async throws {
        try #require(Self.cassette.contains("interactions:"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcomes = try await offThePool {
            try (UInt64(0)..<300).map { seed -> (seed: UInt64, lines: Int, file: String, diagnostics: [Diagnostic]) in
                let text = Self.mutate(seed.isMultiple(of: 3) ? Self.original : Self.cassette, seed: seed)
                let file = folder.appendingPathComponent("mutant-\(seed).yaml")
                try Data(text.utf8).write(to: file)
                return (seed, text.split(separator: "\n", omittingEmptySubsequences: false).count, file.path, Linter.diagnostics(forFileAt: file))
            }
        }
        var refused = 0
        for (seed, lines, file, diagnostics) in outcomes {
            if !diagnostics.isEmpty { refused += 1 }
            for diagnostic in diagnostics where diagnostic.file == file {
                #expect((0...lines + 1).contains(diagnostic.line), "seed \(seed): \(diagnostic)")
            }
        }
        #expect(refused > 150, "most mutations break the file")
    }

    @Test func everyUnknownKeyIsReportedInOnePass() {
        do {
            _ = try Scenario.parse("nmae: x\nshops:\n  - id: \"1\"\n    regoin: GB\n    nme: Shop\nprodcts: []\n", file: "typos.yaml")
            Issue.record("typos were accepted")
        } catch {
            #expect(error.diagnostics.map(\.keyPath) == ["nmae", "shops[0].regoin", "shops[0].nme", "prodcts"])
            #expect(error.diagnostics.map(\.line) == [1, 4, 5, 6])
        }
    }
}
