import Foundation
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
