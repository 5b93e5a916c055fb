import ArgumentParser
import Foundation
import Scenarios

/// `tts-replay scenario from-cassette`: derive a scenario from cassettes written by `record`.
struct ScenarioFromCassette: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "from-cassette",
        abstract: "Derive a scenario from cassettes recorded against a real shop (tts-replay record).",
        discussion: """
            Reads the shops from Get Authorized Shops answers, the products (title, status, category, tree, brand, \
            attributes, age) from Search Products and Get Product answers, the app key from the recorded app_key, and \
            the market policy the answers imply (a create or edit on v1 refused with 12052217: v2 required). Later \
            answers win. Each part of the scenario has a comment naming the interaction it came from (file#N).

            Writes the scenario to the -o file and, beside it, <name>-unsimulated.yaml: a cassette of the recorded \
            answers the simulator cannot produce (operations it does not simulate, paths outside its table), which \
            the scenario names in `cassettes:`. Recorded secrets are redacted: the app secret and the access token \
            keep the scenario defaults. A product whose category is not a leaf of its market's catalogue is left out \
            with a comment (derive again with --catalogue DIR holding it). See docs/drift.md.

            Limits: 100 cassettes, 1,000,000 interactions in all (each file read under the limits of docs/scenarios.md).
            Exit status: 0 written; 2 a usage error, a missing or broken cassette (file:line:column), nothing to \
            derive (no Get Authorized Shops answer), or an output file that exists (without --force).
            """
    )

    @Argument(help: ArgumentHelp("Cassette files written by tts-replay record.", valueName: "cassette"))
    var cassettes: [String]

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("The scenario file to write, such as my-shop.yaml.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("The scenario's name. Default: the output file's name without its extension.", valueName: "name"))
    var name: String?

    @Option(
        help: ArgumentHelp(
            "A catalogue folder (docs/catalogue.md) to check the products' categories against; the scenario names it. Default: the built-in catalogue.",
            valueName: "dir"
        )
    )
    var catalogue: String?

    @Flag(
        help: """
            Keep a product whose category the catalogue lacks on a stand-in leaf of the same tree (named in its \
            comment), instead of leaving it out: the scenario then serves every recorded product, on categories \
            that are not its own. conform derives this way.
            """
    )
    var standInCategories = false

    @Flag(help: "Replace the scenario and its cassette when they exist.")
    var force = false

    func validate() throws {
        guard !cassettes.isEmpty else { throw ValidationError("give at least one cassette to derive the scenario from") }
        for path in cassettes where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no such cassette: \(path)")
        }
        if let catalogue, !FileManager.default.fileExists(atPath: catalogue) {
            throw ValidationError("no such catalogue folder: \(catalogue)")
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("-o names a folder: give the scenario file to write, such as \(output)/my-shop.yaml")
        }
    }

    func run() async throws {
        var recordings: [Cassette] = []
        var problems: [Diagnostic] = []
        for path in cassettes {
            do {
                recordings.append(try Cassette.loadRecording(contentsOf: URL(fileURLWithPath: path)))
            } catch {
                problems += error.diagnostics
            }
        }
        guard problems.isEmpty else { throw Self.fail(problems.map(\.description)) }

        let scenarioURL = URL(fileURLWithPath: output).standardizedFileURL
        let folder = scenarioURL.deletingLastPathComponent()
        let stem = scenarioURL.deletingPathExtension().lastPathComponent
        let catalogueURL = catalogue.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let options = ScenarioDerivation.Options(
            name: name ?? stem,
            leftoverFileName: "\(stem)-unsimulated.yaml",
            catalogue: catalogueURL.map(Catalogue.init(directory:)) ?? .builtIn,
            catalogueReference: catalogueURL.map { Self.relativePath(of: $0, from: folder) },
            unknownCategories: standInCategories ? .standIn : .leaveOut
        )
        let result: ScenarioDerivation.Result
        do {
            result = try ScenarioDerivation.derive(from: recordings, options: options)
        } catch {
            throw Self.fail(["error: \(error)"])
        }

        let leftoverURL = result.leftover.map { folder.appendingPathComponent($0.fileName) }
        let existing = ([scenarioURL] + (leftoverURL.map { [$0] } ?? [])).filter { FileManager.default.fileExists(atPath: $0.path) }
        if !force && !existing.isEmpty {
            throw Self.fail(existing.map { "error: \($0.path) exists; give --force to replace it" })
        }
        var writing = scenarioURL
        do {
            if let leftover = result.leftover, let leftoverURL {
                writing = leftoverURL
                try leftover.yaml.write(to: leftoverURL, atomically: true, encoding: .utf8)
            }
            writing = scenarioURL
            try result.scenarioYAML.write(to: scenarioURL, atomically: true, encoding: .utf8)
        } catch {
            let folder = writing.deletingLastPathComponent().path
            let reason = FileManager.default.fileExists(atPath: folder) ? error.localizedDescription : "the folder \(folder) does not exist"
            throw Self.fail(["error: could not write \(writing.path): \(reason)"])
        }

        let counts = result.counts
        print(
            "wrote \(output): \(counts.shops) shop\(counts.shops == 1 ? "" : "s"), \(counts.products) product\(counts.products == 1 ? "" : "s")"
                + (counts.productsLeftOut > 0 ? " (\(counts.productsLeftOut) left out)" : "")
                + ", \(counts.marketPolicies) market polic\(counts.marketPolicies == 1 ? "y" : "ies"), from \(counts.interactions) recorded interactions"
        )
        if let leftover = result.leftover, let leftoverURL {
            print(
                "wrote \(leftoverURL.path): \(leftover.interactionCount) recorded answers the simulator cannot produce, named in the scenario's cassettes"
            )
        }
        for note in result.notes { print(note) }
        print("check it with: tts-replay lint \(output)")
    }

    /// Prints the lines on standard error; the error to throw for exit status 2.
    private static func fail(_ lines: [String]) -> ExitCode {
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        return ExitStatus.usage.exitCode
    }

    /// `target` relative to `base` (`../catalogue`), so that the scenario and its catalogue can move together.
    static func relativePath(of target: URL, from base: URL) -> String {
        let targetParts = target.pathComponents
        let baseParts = base.pathComponents
        let common = zip(targetParts, baseParts).prefix { $0 == $1 }.count
        let up = Array(repeating: "..", count: baseParts.count - common)
        let parts = up + targetParts[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
