import ArgumentParser
import ContractJudge
import Foundation
import Scenarios

/// `tts-replay lint`: check scenario and cassette files and report every problem with its file:line:column.
struct Lint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check scenario, cassette and suite files; print every problem as file:line:column: error: message (at key.path).",
        discussion: """
            Folders are searched for .yaml, .yml and .json files. A file with `interactions` or `format` at the
            top is read as a cassette, one with `scenarios` as a suite (and the scenario files it selects are checked too), any other as
            a scenario (and the cassettes it names are checked too).
            Every problem of a scenario is reported in one pass, in file order: wrong types, bad durations and
            instants, missing and unknown keys, duplicate ids, categories not in the named tree, unknown brands,
            unknown stub operations, broken cassette references.
            Exit status: 0 when every file is clean, 1 when any has a problem, 2 when a path does not exist.
            """
    )

    @Argument(help: ArgumentHelp("Scenario or cassette files, or folders of them.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file or folder to check") }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such file or folder: \(path)")
        }
    }

    func run() async throws {
        let files = paths.flatMap(Self.files(under:))
        let clauseIDs = Set(Contract.l7.clauses.map(\.id))
        var problems = 0
        var reported: Set<String> = []  // a broken cassette is reported once, though its scenario is checked too
        for file in files {
            for diagnostic in Linter.diagnostics(forFileAt: URL(fileURLWithPath: file), clauseIDs: clauseIDs)
            where reported.insert(diagnostic.description).inserted {
                problems += 1
                print(diagnostic)
            }
        }
        let summary = "\(files.count) file\(files.count == 1 ? "" : "s") checked, \(problems) problem\(problems == 1 ? "" : "s")"
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if problems > 0 { throw ExitCode.failure }
    }

    /// The file itself, or the scenario-like files below a folder, sorted.
    static func files(under path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return [path] }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if ["yaml", "yml", "json"].contains((name as NSString).pathExtension) {
                files.append((path as NSString).appendingPathComponent(name))
            }
        }
        return files.sorted()
    }
}
