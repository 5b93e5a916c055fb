import ArgumentParser
import ContractJudge
import Foundation
import Logging
import ReplayJournal
import ReplayServer
import Scenarios

/// `tts-replay suite`: run a client against many scenarios, each on its own server, N at a
/// time, and judge the suite as a whole.
struct SuiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suite",
        abstract: "Run a client against every scenario of a suite, in parallel, and judge the suite (docs/suites.md).",
        discussion: """
            Each scenario gets its own server on a free port, its own journal and the TTS_* environment of
            `run`; the client's output is kept and shown when its scenario does not go as expected. Without a
            suite file, every shipped scenario runs and must pass. The command after -- replaces the suite's.
            Prints the scenario x clause matrix and the coverage on standard output.
            Exit status: 0 every scenario is as the suite expects and the required coverage is reached, 1 one is
            not or coverage is missing, 2 a usage or suite error, 3 a client command failed or timed out, 4 a
            journal lost entries, so that scenario has no verdict.

            Example: tts-replay suite examples/reference.suite.yaml --junit suite.xml
            """
    )

    @Argument(help: ArgumentHelp("A suite file (default: every shipped scenario, each must pass).", valueName: "suite.yaml"))
    var suite: String?

    @Option(name: .long, help: "How many scenarios run at a time (default: the suite's jobs, else the number of cores).")
    var jobs: Int?

    @Option(
        name: .customLong("require-coverage"),
        help: ArgumentHelp("Fail unless the suite exercises these clauses; `all` for every clause (adds to the suite's).", valueName: "id|all")
    )
    var requireCoverage: [String] = []

    @Option(name: .long, help: "How long to wait for webhooks to settle after each client run, in seconds.")
    var settleTimeout = 30

    @Option(name: .long, help: ArgumentHelp("Write the suite as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("Write the suite as JSON to this file.", valueName: "file"))
    var json: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Write the suite as one self-contained HTML page (matrix, each scenario's report and timeline) to this file.",
            valueName: "file"
        )
    )
    var html: String?

    @Argument(parsing: .postTerminator, help: ArgumentHelp("The client command and its arguments, after --.", valueName: "command"))
    var command: [String] = []

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        guard (1...86_400).contains(settleTimeout) else { throw ValidationError("--settle-timeout must be from 1 to 86400 seconds (a day)") }
        let known = Set(Contract.l7.clauses.map(\.id))
        for id in requireCoverage where id != "all" && !known.contains(id) && !id.hasPrefix("expect.") {
            throw ValidationError("--require-coverage: '\(id)' is not a clause id of the l7 contract")
        }
    }

    func run() async throws {
        let contract = Contract.l7
        let loaded: Suite
        do {
            loaded = try suite.map { try Suite.load(contentsOf: URL(fileURLWithPath: $0), clauseIDs: Set(contract.clauses.map(\.id))) } ?? .allBuiltIn
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let client = command.isEmpty ? loaded.command : command
        guard !client.isEmpty else {
            FileHandle.standardError.write(
                Data("error: the suite names no client command; give one after --, such as: tts-replay suite -- python3 client.py\n".utf8)
            )
            throw ExitStatus.usage.exitCode
        }
        let width = jobs ?? loaded.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let outcomes = await Self.runAll(
            loaded,
            client: client,
            width: width,
            settleTimeout: settleTimeout,
            contract: contract,
            withTimelines: html != nil
        )
        let runs = outcomes.map(\.run)
        let report = SuiteReport(
            suite: loaded.name,
            contract: contract,
            runs: runs,
            requiredCoverage: Self.coverage(loaded.coverage, requireCoverage, contract)
        )
        print(report.matrix)
        do {
            if let junit { try Data(report.junit.utf8).write(to: URL(fileURLWithPath: junit)) }
            if let json { try report.json.write(to: URL(fileURLWithPath: json)) }
            if let html { try Data(report.html.utf8).write(to: URL(fileURLWithPath: html)) }
        } catch {
            FileHandle.standardError.write(Data("error: cannot write the report: \(error.localizedDescription)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        // The highest status of a run's trouble wins: 4 a lost journal, 3 a failed client, 2 a scenario.
        if let worst = outcomes.compactMap(\.trouble).max(by: { $0.rawValue < $1.rawValue }) { throw worst.exitCode }
        if !report.passed { throw ExitCode.failure }
    }

    /// One scenario's run and, when it went wrong outside the contract, the exit status it calls for.
    struct Outcome: Sendable {
        var run: SuiteReport.ScenarioRun
        var trouble: ExitStatus?
    }

    /// The clause ids the suite must exercise: the suite file's and the command line's.
    static func coverage(_ fromFile: Suite.Coverage, _ fromCommandLine: [String], _ contract: Contract) -> [String] {
        let all = contract.clauses.map(\.id)
        var ids: [String]
        switch fromFile {
        case .none: ids = []
        case .all: ids = all
        case .clauses(let named): ids = named
        }
        for id in fromCommandLine {
            ids += id == "all" ? all : [id]
        }
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Runs every entry, at most `width` at a time, and returns the runs in the suite's order.
    static func runAll(
        _ suite: Suite,
        client: [String],
        width: Int,
        settleTimeout: Int,
        contract: Contract,
        withTimelines: Bool
    ) async -> [Outcome] {
        await withTaskGroup(of: (Int, Outcome).self) { group in
            var results: [Outcome?] = Array(repeating: nil, count: suite.entries.count)
            var next = 0
            func start() {
                guard next < suite.entries.count else { return }
                let index = next
                next += 1
                let entry = suite.entries[index]
                group.addTask {
                    (
                        index,
                        await runOne(
                            entry,
                            suite: suite,
                            client: client,
                            settleTimeout: settleTimeout,
                            contract: contract,
                            withTimeline: withTimelines
                        )
                    )
                }
            }
            for _ in 0..<min(width, suite.entries.count) { start() }
            while let (index, outcome) = await group.next() {
                results[index] = outcome
                let run = outcome.run
                let mark = run.isAsExpected ? "✓" : "✗"
                FileHandle.standardError.write(Data("\(mark) \(run.scenario) (\(String(format: "%.1f", run.seconds)) s)\n".utf8))
                start()
            }
            return results.compactMap { $0 }
        }
    }

    /// One scenario on its own server: the client's run, judged, with its timeline for the HTML
    /// report when asked. The client's output goes to a temporary file, shown when the run is not as expected.
    static func runOne(
        _ entry: Suite.Entry,
        suite: Suite,
        client: [String],
        settleTimeout: Int,
        contract: Contract,
        withTimeline: Bool
    ) async -> Outcome {
        let started = ContinuousClock.now
        func seconds() -> Double {
            let elapsed = ContinuousClock.now - started
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        func failed(_ problem: String, _ trouble: ExitStatus) -> Outcome {
            let run = SuiteReport.ScenarioRun(
                scenario: entry.name,
                expectedViolations: entry.violates,
                report: nil,
                problem: problem,
                seconds: seconds()
            )
            return Outcome(run: run, trouble: trouble)
        }
        var logger = Logger(label: "tts-replay")
        logger.logLevel = .error
        let server: ReplayServer
        do {
            server = try await ReplayServer.start(scenario: try Scenarios.Scenario.named(entry.reference), configuration: .init(logger: logger))
        } catch {
            return failed("the scenario did not start: \(error)", .usage)
        }
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-suite-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: outputURL) }
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil) else {
            try? await server.stop()
            return failed("the client command could not start: cannot create its output file \(outputURL.path)", .clientFailed)
        }
        let ending: ClientCommand.Ending?
        var startProblem: String?
        do {
            let output = try FileHandle(forWritingTo: outputURL)
            defer { try? output.close() }
            ending = try await ClientCommand.execute(
                client,
                environment: ClientCommand.environment(for: server, adding: suite.environment),
                timeout: .milliseconds(suite.clientTimeout.milliseconds),
                output: output
            )
        } catch {
            ending = nil
            startProblem = "the client command could not start: \(error.localizedDescription)"
        }
        if await !server.webhooks.awaitIdle(timeout: .seconds(settleTimeout)) {
            FileHandle.standardError.write(
                Data(
                    "warning: \(entry.name): webhooks or a clock move were still under way after --settle-timeout \(settleTimeout) s; its verdict judges what happened until then\n"
                        .utf8
                )
            )
        }
        await server.journal.flush()
        if server.journal.lostEntries > 0 {
            let lost = server.journal.lostEntries
            try? await server.stop()
            return failed(
                "the journal lost \(lost) entr\(lost == 1 ? "y" : "ies") (\(server.journal.lastWriteError ?? "unknown error")); no verdict",
                .journalIncomplete
            )
        }
        let report = try? await contract.judge(server.journal.reader)
        let timeline = withTimeline ? try? await RunTimeline(journal: server.journal.reader) : nil
        try? await server.stop()
        var run = SuiteReport.ScenarioRun(
            scenario: entry.name,
            expectedViolations: entry.violates,
            report: report,
            problem: startProblem ?? ending?.problem ?? (report == nil ? "the journal could not be judged" : nil),
            seconds: seconds()
        )
        run.timeline = timeline
        if !run.isAsExpected, let tail = tail(of: outputURL) {
            FileHandle.standardError.write(Data("--- output of the client on \(entry.name) ---\n\(tail)\n--- end of output ---\n".utf8))
        }
        run.seconds = seconds()
        let trouble: ExitStatus? = startProblem != nil || ending?.problem != nil ? .clientFailed : (report == nil ? .usage : nil)
        return Outcome(run: run, trouble: trouble)
    }

    /// The last 8 KiB of the client's output, if it wrote any.
    static func tail(of url: URL) -> String? {
        guard let data = try? Data(contentsOf: url), !data.isEmpty else { return nil }
        return String(decoding: data.suffix(8 * 1024), as: UTF8.self)
    }
}
