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
            until no webhook delivery is due, judges the journal and prints the summary on standard error.
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

    @OptionGroup var output: ContractOutput

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The client command and its arguments, after --.", valueName: "command"))
    var command: [String] = []

    func validate() throws {
        guard !command.isEmpty else { throw ValidationError("give the client command after --, such as: tts-replay run -- python3 client.py") }
        guard settleTimeout > 0 else { throw ValidationError("--settle-timeout must be positive") }
    }

    func run() async throws {
        var logger = Logger(label: "tts-replay")
        logger.logLevel = .warning
        let loaded: Scenarios.Scenario
        let server: ReplayServer
        do {
            loaded = try Scenarios.Scenario.named(scenario)
            server = try await ReplayServer.start(
                scenario: consume loaded,
                configuration: journalOptions.apply(to: .init(journalPath: journal, logger: logger))
            )
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }

        let status: Int32?
        do {
            status = try await Self.execute(command, environment: Self.environment(for: server))
        } catch {
            FileHandle.standardError.write(Data("error: cannot run \(command[0]): \(error.localizedDescription)\n".utf8))
            status = nil
        }
        _ = await server.webhooks.awaitIdle(timeout: .seconds(settleTimeout))
        await server.journal.flush()
        if server.journal.lostEntries > 0 {
            let lost = server.journal.lostEntries
            try? await server.stop()
            let reason = "\(lost) \(lost == 1 ? "entry" : "entries") lost (last error: \(server.journal.lastWriteError ?? "unknown"))"
            FileHandle.standardError.write(Data("error: \(JournalError.incomplete(path: server.journal.path, reason: reason))\n".utf8))
            throw ExitStatus.journalIncomplete.exitCode
        }
        let report: ContractReport
        do {
            report = try await output.selected.judge(server.journal.reader)
        } catch {
            try? await server.stop()
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        try await server.stop()
        try output.publish(report)
        if status != 0 {
            FileHandle.standardError.write(Data("error: the client command \(status.map { "exited with status \($0)" } ?? "could not start")\n".utf8))
            throw ExitStatus.clientFailed.exitCode
        }
        if !report.passed { throw ExitCode.failure }
    }

    /// The process's environment plus the server's address and credentials.
    static func environment(for server: ReplayServer) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        let credentials = server.credentials
        environment["TTS_BASE_URL"] = server.baseURL.absoluteString
        environment["TTS_ADMIN_URL"] = server.adminURL.absoluteString
        environment["TTS_APP_KEY"] = credentials.appKey
        environment["TTS_APP_SECRET"] = credentials.appSecret
        environment["TTS_ACCESS_TOKEN"] = credentials.accessToken
        environment["TTS_SHOP_CIPHER"] = credentials.shopCipher
        environment["TTS_SHOP_ID"] = credentials.shopID
        environment["TTS_JOURNAL"] = server.journal.path
        return environment
    }

    /// Runs a command with inherited standard streams, found on PATH like a shell would; its exit status.
    static func execute(_ command: [String], environment: [String: String]) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.environment = environment
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
