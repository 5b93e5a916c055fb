import ArgumentParser
import Drift
import Foundation
import Scenarios

/// `tts-replay conform`: where the simulator's answers differ from recorded production answers.
struct Conform: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare recorded production answers with the simulator's answers to the same requests.",
        discussion: """
            Each recorded request is sent again, in the recorded order, to a simulator running the scenario (stubs \
            and cassettes off) and signed with its credentials. Without --scenario, the scenario is the recordings' \
            own shop as the recording found it, with stand-ins for the category and SKU ids it lacks (each listed in \
            a note); a shop_cipher the scenario does not know becomes its first shop's. Per operation, the answers are compared by shape across all of them: fields production \
            sends and the simulator never does, and the reverse; JSON types, numbers sent as strings; enum values \
            the simulator never produces; arrays always empty here and never there; codes and HTTP statuses given \
            to the same request; messages of the same code; Content-Type and Retry-After. Recorded webhook \
            notifications (the cassette's notifications list) are compared per type with the simulator's. \
            Redaction placeholders written by `tts-replay record` stand for any value.
            Exit status: 0 nothing differs; 1 something differs; 2 usage error, a broken cassette or scenario, \
            or a simulator that could not start. See docs/drift.md.
            """
    )

    @Argument(help: ArgumentHelp("Cassettes of recorded production exchanges (written by tts-replay record).", valueName: "cassette"))
    var cassettes: [String]

    @Option(
        name: .long,
        help: ArgumentHelp(
            "A built-in scenario name or a path to a scenario file for the simulator. Default: the recordings' own shop, derived as `scenario from-cassette` does, with a stand-in leaf for each category the catalogue lacks.",
            valueName: "name|path"
        )
    )
    var scenario: String?

    @Option(name: .long, help: ArgumentHelp("Also write the report as JSON to this file.", valueName: "path"))
    var json: String?

    @Option(name: .long, help: ArgumentHelp("Also write the report as a self-contained HTML page to this file.", valueName: "path"))
    var html: String?

    @Option(name: .long, help: ArgumentHelp("Seconds each replayed request may take for its whole answer.", valueName: "seconds"))
    var requestTimeout = 10.0

    func validate() throws {
        guard !cassettes.isEmpty else { throw ValidationError("give at least one cassette of recorded exchanges") }
        guard requestTimeout > 0, requestTimeout <= 3600 else {
            throw ValidationError("--request-timeout must be more than 0 and at most 3600 seconds")
        }
    }

    func run() async throws {
        let recordings: [Cassette]
        let loaded: Scenarios.Scenario?
        do {
            recordings = try cassettes.map { path throws(DiagnosticError) in try Cassette.loadRecording(contentsOf: URL(fileURLWithPath: path)) }
            loaded = try scenario.map { name throws(DiagnosticError) in try Scenarios.Scenario.named(name) }
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let report: ConformanceReport
        let timeout = Duration.milliseconds(Int64(requestTimeout * 1000))
        do {
            if let loaded {
                report = try await Conformance.compare(recordings: recordings, scenario: loaded, requestTimeout: timeout)
            } else {
                report = try await Conformance.compare(recordings: recordings, requestTimeout: timeout)
            }
        } catch let error as DerivationError {
            FileHandle.standardError.write(Data("error: no scenario can be derived from the recordings (give --scenario): \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        } catch {
            FileHandle.standardError.write(Data("error: the simulator could not run: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        FileHandle.standardOutput.write(Data(report.text.utf8))
        do {
            if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
            if let html { try Data(report.html.utf8).write(to: URL(fileURLWithPath: html)) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        if report.hasDifferences { throw ExitCode.failure }
    }
}
