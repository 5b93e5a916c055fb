import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A journal that cannot be opened says which file and why, never "SQLite error 14".
@Suite("Journal open errors")
struct JournalOpenErrorTests {
    /// The error `ReplayServer.start` throws for a journal path.
    static func startError(_ path: String) async throws -> String {
        do {
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { _ in }
        } catch {
            return "\(error)"
        }
        Issue.record("the server started on \(path)")
        return ""
    }

    @Test func aMissingFolderIsNamed() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/x.sqlite"
        let message = try await Self.startError(path)
        #expect(message.contains(path))
        #expect(message.contains("the folder /nonexistent-"), "\(message)")
        #expect(message.contains("does not exist"), "\(message)")
        #expect(!message.contains("SQLite error"))
    }

    @Test func serveSaysWhichFileAndWhy() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/x.sqlite"
        let result = try await ToolRun.run(["serve", "--journal", path])
        #expect(result.status == 2)
        #expect(result.errors.contains("cannot open journal \(path): the folder"), "\(result.errors)")
    }

    @Test func aFileThatIsNotADatabaseIsNamed() async throws {
        try await TemporaryFolder.with("journal-open") { folder in
            let path = folder.appendingPathComponent("notes.sqlite").path
            try "shopping list: wool, needles\n".write(toFile: path, atomically: true, encoding: .utf8)
            let message = try await Self.startError(path)
            #expect(message.contains(path))
            #expect(message.contains("not a SQLite database"), "\(message)")
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "shopping list: wool, needles\n", "left as it was")
        }
    }

    @Test func aFolderIsNamed() async throws {
        try await TemporaryFolder.with("journal-open") { folder in
            let message = try await Self.startError(folder.path)
            #expect(message.contains(folder.path))
            #expect(message.contains("is a folder"), "\(message)")
        }
    }

    /// A reader (`verify`) refuses what is not a regular file at once: it waited for ever on a
    /// FIFO, and called a folder "disk I/O error".
    @Test func aReaderRefusesAFIFOAndAFolderAtOnce() async throws {
        try await TemporaryFolder.with("journal-read") { folder in
            let fifo = folder.appendingPathComponent("journal.fifo").path
            #expect(mkfifo(fifo, 0o600) == 0)
            for (path, reason) in [(fifo, "not a regular file: a FIFO"), (folder.path, "not a regular file: a folder")] {
                let opened = await RealTimeBound.run(within: .seconds(10)) { () -> String in
                    do {
                        _ = try JournalReader(path: path)
                        return "opened"
                    } catch {
                        return "\(error)"
                    }
                }
                let message = try #require(opened, "opening \(path) did not end within 10 s").value
                #expect(message.contains(path) && message.contains(reason), "\(message)")
            }
            let verify = try await ToolRun.run(["verify", folder.path])
            #expect(verify.status == 2 && verify.errors.contains("not a regular file: a folder"), "\(verify.errors)")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root may write anywhere"))
    func aFolderWithoutWritePermissionIsNamed() async throws {
        try await TemporaryFolder.with("journal-open") { folder in
            let locked = folder.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            let message = try await Self.startError(locked.appendingPathComponent("x.sqlite").path)
            #expect(message.contains(locked.path))
            #expect(message.contains("permission"), "\(message)")
        }
    }
}
