import ArgumentParser
import ContractJudge
import Foundation
import Logging
import ReplayJournal
import ReplayServer
import Scenarios

/// `tts-replay run`: serve a scenario, run a client command against it, judge what it did.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a client command against a scenario and judge it against the contract.",
        discussion: """
            The command runs with TTS_BASE_URL, TTS_ADMIN_URL, TTS_APP_KEY, TTS_APP_SECRET, TTS_ACCESS_TOKEN,
            TTS_SHOP_CIPHER, TTS_SHOP_ID and TTS_JOURNAL in its environment. When it exits, tts-replay waits
            until no webhook delivery is due and no clock move is under way (at most --settle-timeout; past it,
            a warning says the verdict judges what happened until then), judges the journal and prints the
            summary on standard error.
            Exit status: 0 every clause passes (or is not exercised), 1 a clause is violated, 2 a usage or
            scenario error, 3 the client command itself failed (its report is printed all the same), 4 the
            journal lost entries, so no verdict is given.

            Example: tts-replay run --scenario happy-path-gb -- python3 my_client.py
            """
    )

    @Option(name: .long, help: ArgumentHelp("A built-in scenario name or a path to a scenario file.", valueName: "name|path"))
    var scenario = "default"

    @Option(name: .long, help: ArgumentHelp("Keep the journal in this file (default: a temporary file, removed).", valueName: "path"))
    var journal: String?

    @OptionGroup var journalOptions: JournalOptions

    @Option(name: .long, help: "How long to wait for webhooks to settle after the command, in seconds.")
    var settleTimeout = 30

    @Option(name: .long, help: "How long the client command may run before it is stopped, in seconds.")
    var clientTimeout = 600

    @OptionGroup var output: ContractOutput

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The client command and its arguments, after --.", valueName: "command"))
    var command: [String] = []

    func validate() throws {
        guard !command.isEmpty else { throw ValidationError("give the client command after --, such as: tts-replay run -- python3 client.py") }
        guard (1...86_400).contains(settleTimeout) else { throw ValidationError("--settle-timeout must be from 1 to 86400 seconds (a day)") }
        guard (1...604_800).contains(clientTimeout) else { throw ValidationError("--client-timeout must be from 1 to 604800 seconds (a week)") }
    }

    func run() async throws {
        var logger = Logger(label: "tts-replay")
        logger.logLevel = .warning
        // Loaded, then started, in two steps: with both in one `do`, a scenario that failed to
        // load crashed the process (the compiler destroyed the never-made scenario on the way
        // to `catch`), where it must exit 2.
        let loaded: Scenarios.Scenario
        do {
            loaded = try Scenarios.Scenario.named(scenario)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let server: ReplayServer
        do {
            server = try await ReplayServer.start(
                scenario: consume loaded,
                configuration: journalOptions.apply(to: .init(journalPath: journal, logger: logger))
            )
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }

        let ending: ClientCommand.Ending?
        do {
            ending = try await ClientCommand.execute(command, environment: ClientCommand.environment(for: server), timeout: .seconds(clientTimeout))
        } catch {
            FileHandle.standardError.write(Data("error: cannot run \(command[0]): \(error.localizedDescription)\n".utf8))
            ending = nil
        }
        if await !server.webhooks.awaitIdle(timeout: .seconds(settleTimeout)) {
            FileHandle.standardError.write(
                Data(
                    "warning: webhooks or a clock move were still under way after --settle-timeout \(settleTimeout) s; the verdict judges what happened until now (raise --settle-timeout to wait longer)\n"
                        .utf8
                )
            )
        }
        await server.journal.flush()
        if server.journal.lostEntries > 0 {
            let lost = server.journal.lostEntries
            try? await server.stop()
            let reason = "\(lost) \(lost == 1 ? "entry" : "entries") lost (last error: \(server.journal.lastWriteError ?? "unknown"))"
            FileHandle.standardError.write(Data("error: \(JournalError.incomplete(path: server.journal.path, reason: reason))\n".utf8))
            throw ExitStatus.journalIncomplete.exitCode
        }
        let report: ContractReport
        let timeline: RunTimeline?
        do {
            report = try await output.selected.judge(server.journal.reader)
            timeline = try await output.timeline(from: server.journal.reader)
        } catch {
            try? await server.stop()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        try await server.stop()
        try output.publish(report, timeline: timeline)
        if ending?.succeeded != true {
            FileHandle.standardError.write(Data("error: \(ending?.problem ?? "the client command could not start")\n".utf8))
            throw ExitStatus.clientFailed.exitCode
        }
        if !report.passed { throw ExitCode.failure }
    }
}
