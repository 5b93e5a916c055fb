import Foundation
import GRDB
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A journal file that already holds a run is refused unless told to continue or replace it:
/// never silently lost.
@Suite("A reused journal")
struct JournalReuseTests {
    /// A run of the default scenario that leaves `count` requests in the file.
    static func journalOne(_ path: String, requests count: Int, existing: ExistingJournal = .refuse) async throws {
        try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path, existingJournal: existing)) { server in
            for _ in 0..<count { _ = try await SignedClient(server: server).listShops() }
        }
    }

    @Test func serveRefusesAJournalThatHoldsARunNamingTheFileWhatItHoldsAndTheOptions() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 2)
            let start = try await ServeWithErrors.start(["--journal", path])
            guard case .refused(let status, let errors) = start else {
                if case .serving(let serve) = start { _ = try await serve.stop() }
                Issue.record("serve started on a journal that holds a run; its entries would be lost")
                return
            }
            #expect(status == 2)
            #expect(errors.contains(path))
            #expect(errors.contains("2 requests of scenario 'default'"), "\(errors)")
            #expect(errors.contains("--existing-journal continue"))
            #expect(errors.contains("--existing-journal replace"))
            #expect(try await JournalReader(path: path).count() == 2, "the file is left as it was")
        }
    }

    @Test func startingOnAJournalThatHoldsARunThrowsByDefault() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 1)
            await #expect {
                try await Self.journalOne(path, requests: 1)
            } throws: { error in
                guard case JournalError.alreadyHolds(let file, _) = error else { return false }
                return file == path && "\(error)".contains("1 request of scenario 'default'")
            }
            #expect(try await JournalReader(path: path).count() == 1)
        }
    }

    @Test func continuingAddsEntriesAfterTheLastAndRecordsEachRun() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 2)
            try await Self.journalOne(path, requests: 1, existing: .continue)
            let reader = try JournalReader(path: path)
            let entries = try await reader.entries()
            #expect(entries.map(\.id) == [1, 2, 3])
            #expect(Set(entries.map(\.requestID)).count == 3, "request ids go on too")
            let runs = try await reader.runs()
            #expect(runs.map(\.firstArrival) == [1, 3])
            #expect(runs.allSatisfy { $0.closedCleanly && $0.lostEntries == 0 && $0.scenario == "default" })
        }
    }

    @Test func continuingServeGoesOnAfterTheLastEntry() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 1)
            try await ServeProcess.with(["--journal", path, "--existing-journal", "continue"]) { serve in
                _ = try await serve.client.listShops()
            }
            #expect(try await JournalReader(path: path).entries().map(\.id) == [1, 2])
        }
    }

    @Test func replacingStartsTheFileAfresh() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 2)
            try await Self.journalOne(path, requests: 1, existing: .replace)
            let reader = try JournalReader(path: path)
            #expect(try await reader.entries().map(\.id) == [1])
            #expect(try await reader.runs().count == 1)
        }
    }

    @Test func continuingAJournalOfAnotherScenarioIsRefused() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 1)
            await #expect {
                try await withReplayServer(
                    scenario: try .named("happy-path-gb"),
                    configuration: .init(journalPath: path, existingJournal: .continue)
                ) { _ in }
            } throws: { error in
                "\(error)".contains(path) && "\(error)".contains("scenario 'default'") && "\(error)".contains("'happy-path-gb'")
            }
        }
    }

    @Test(arguments: [ExistingJournal.continue, .replace])
    func aDatabaseThatIsNotAJournalIsNeverTouched(_ existing: ExistingJournal) async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("other.sqlite").path
            try await DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY)") }
            await #expect {
                try await Self.journalOne(path, requests: 0, existing: existing)
            } throws: { error in
                "\(error)".contains(path) && "\(error)".contains("not a tts-replay journal")
            }
            #expect(try await DatabaseQueue(path: path).read { try $0.tableExists("invoice") })
        }
    }

    @Test func anEmptyFileIsANewJournal() async throws {
        try await TemporaryFolder.with("journal-reuse") { folder in
            let path = folder.appendingPathComponent("empty.sqlite").path
            #expect(FileManager.default.createFile(atPath: path, contents: Data()))
            try await Self.journalOne(path, requests: 1)
            #expect(try await JournalReader(path: path).count() == 1)
        }
    }

    /// A journal a newer tts-replay wrote is neither judged as this format nor continued
    /// (and relabelled) by this one.
    @Test func aJournalOfANewerFormatIsRefused() async throws {
        try await TemporaryFolder.with("journal-newer") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await Self.journalOne(path, requests: 1)
            let database = try DatabaseQueue(path: path)
            try await database.write { db in try db.execute(sql: "UPDATE run_info SET value = '99' WHERE key = 'format_version'") }
            try database.close()
            #expect(throws: JournalError.self) { try JournalReader(path: path) }
            let verdict = try await ToolRun.run(["verify", path])
            #expect(verdict.status == 2)
            #expect(verdict.errors.contains("a newer tts-replay wrote it (journal format 99)"), "\(verdict.errors)")
            await #expect(throws: JournalError.self) { try await Self.journalOne(path, requests: 1, existing: .continue) }
        }
    }
}
