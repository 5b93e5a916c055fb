import Foundation
import GRDB
import Logging
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A journal write that fails (here: every insert raises, as on a full disk) is counted, shown
/// in health, logged once with a summary at stop, and fails `serve`, `run` and `verify`.
@Suite("A failed journal write")
struct JournalWriteFailureTests {
    @Test func isCountedAndShownInHealthAndTheServerStillAnswers() async throws {
        try await TemporaryFolder.with("journal-failure") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            let logs = LogRecorder()
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path, logger: logs.logger)) { server in
                let client = SignedClient(server: server)
                #expect(try await client.listShops().status == 200)
                let healthy = try await AdminClient(server: server).call(.GET, "/health").json
                #expect(healthy["status"] == .string("ok"))
                #expect(healthy["journal_lost_entries"] == .number(0))

                try JournalTamper(path: path).failEveryInsert()
                for _ in 0..<3 { #expect(try await client.listShops().status == 200, "a failed write does not fail the answer") }
                let health = try await AdminClient(server: server).call(.GET, "/health").json
                #expect(health["status"] == .string("degraded"))
                #expect(health["journal_lost_entries"] == .number(3))
                #expect(health["journal_last_error"]?.string?.contains(JournalTamper.injectedError) == true)
                #expect(server.journal.lostEntries == 3)
            }
            let errors = logs.messages(atLeast: .error)
            #expect(errors.count == 2, "one line at the first failure, one summary at stop: \(errors)")
            #expect(errors.first?.contains(path) == true)
            #expect(errors.last?.contains("3 of 4 entries lost") == true, "\(errors)")
            let runs = try await JournalReader(path: path).runs()
            #expect(runs.first?.lostEntries == 3)
            #expect(runs.first?.lastError?.contains(JournalTamper.injectedError) == true)
        }
    }

    @Test func makesServeExitNonZeroWithASummary() async throws {
        try await TemporaryFolder.with("journal-failure") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            guard case .serving(let serve) = try await ServeWithErrors.start(["--journal", path]) else {
                Issue.record("serve did not start")
                return
            }
            try JournalTamper(path: path).failEveryInsert()
            _ = try await serve.client.listShops()
            _ = try await serve.client.listShops()
            let (status, errors) = try await serve.stop()
            #expect(status == 4)
            #expect(errors.contains("2 of 2 entries lost"), "\(errors)")
        }
    }

    @Test func makesVerifyRefuseToJudgeTheFile() async throws {
        try await TemporaryFolder.with("journal-failure") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                _ = try await SignedClient(server: server).listShops()
                try JournalTamper(path: path).failEveryInsert()
                _ = try await SignedClient(server: server).listShops()
            }
            let verdict = try await ToolRun.run(["verify", path])
            #expect(verdict.status == 4)
            #expect(verdict.errors.contains("lost 1 entry"), "\(verdict.errors)")
            #expect(verdict.errors.contains(JournalTamper.injectedError))
        }
    }

    /// A run killed (or unable to write its end) may have lost its last webhook attempts and
    /// events in either durability mode: verify says so rather than judge what is left.
    @Test func verifyRefusesARunThatDidNotClose() async throws {
        try await TemporaryFolder.with("journal-unclosed") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                _ = try await SignedClient(server: server).listShops()
            }
            #expect(try await ToolRun.run(["verify", path]).status == 0)
            // What a kill -9 leaves: the run's end never written.
            let database = try DatabaseQueue(path: path)
            try await database.write { db in try db.execute(sql: "UPDATE run SET closed_wall_time = NULL") }
            try database.close()
            let verdict = try await ToolRun.run(["verify", path])
            #expect(verdict.status == 4)
            #expect(verdict.errors.contains("did not close cleanly"), "\(verdict.errors)")
        }
    }

    @Test func makesRunFail() async throws {
        let client = ContractCommandTests.package.appendingPathComponent("examples/l7_client.py").path
        // The client breaks the journal before it calls: Python's sqlite3 adds the same trigger.
        let breakJournal = """
            import os, sqlite3
            db = sqlite3.connect(os.environ["TTS_JOURNAL"])
            db.execute("CREATE TRIGGER tamper BEFORE INSERT ON request BEGIN SELECT RAISE(ABORT, '\(JournalTamper.injectedError)'); END")
            db.commit()
            """
        let result = try await ToolRun.run([
            "run", "--scenario", "happy-path-gb", "--", "sh", "-c", "python3 -c \"$0\" && python3 \"$1\"", breakJournal, client,
        ])
        #expect(result.status == 4, "\(result.errors)")
        #expect(result.errors.contains("entries lost") || result.errors.contains("entry lost"), "\(result.errors)")
    }
}
