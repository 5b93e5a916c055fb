import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A stopped server's journal file is the whole journal on its own: a CI job that uploads
/// the `.sqlite` file as an artefact, without its `-wal`, keeps every entry.
@Suite("A journal file on its own")
struct JournalFileAloneTests {
    @Test func theFileAloneHoldsEveryEntryThoughAReaderWasOpen() async throws {
        try await TemporaryFolder.with("journal-alone") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                for _ in 0..<5 { _ = try await SignedClient(server: server).listShops() }
                await server.journal.flush()
                // The verdict is read while the server runs, as `tts-replay run` does; the reader stays open.
                #expect(try await server.journal.reader.count() == 5)
            }
            let copy = folder.appendingPathComponent("artefact")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: path, toPath: copy.appendingPathComponent("j.sqlite").path)
            #expect(try await JournalReader(path: copy.appendingPathComponent("j.sqlite").path).count() == 5)
        }
    }
}

/// A journal file a server writes is its own until the server stops: another server does not
/// replace or continue it, and a file deleted or replaced under the server is a loss it reports.
@Suite("A journal file in use")
struct JournalFileInUseTests {
    @Test(arguments: [ExistingJournal.replace, .continue])
    func anotherServerRefusesAFileInUse(_ existing: ExistingJournal) async throws {
        try await TemporaryFolder.with("journal-in-use") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                _ = try await SignedClient(server: server).listShops()
                await server.journal.flush()
                do {
                    try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path, existingJournal: existing)) { _ in }
                    Issue.record("a second server took a journal file in use (\(existing))")
                } catch {
                    #expect("\(error)".contains("another tts-replay server is writing it"), "\(error)")
                }
                _ = try await SignedClient(server: server).listShops()
                #expect(server.journal.lostEntries == 0)
            }
            #expect(try await JournalReader(path: path).count() == 2, "the first server's file is whole")
            // Once the first server stopped, the file may be continued.
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path, existingJournal: .continue)) { _ in }
        }
    }

    @Test func aFileDeletedUnderTheServerIsALoss() async throws {
        try await TemporaryFolder.with("journal-deleted") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                _ = try await SignedClient(server: server).listShops()
                #expect(server.journal.lostEntries == 0)
                for file in [path, path + "-wal", path + "-shm"] { try? FileManager.default.removeItem(atPath: file) }
                _ = try await SignedClient(server: server).listShops()
                #expect(server.journal.lostEntries >= 2)
                #expect(server.journal.lastWriteError?.contains("was deleted or replaced while the server ran") == true)
                let health = try await AdminClient(server: server).call(.GET, "/health").json
                #expect(health["status"]?.string == "degraded")
            }
        }
    }
}
