import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// The journal's writer is a thread of its own, and says so to the tools that show threads.
@Suite("The journal writer's thread")
struct JournalThreadTests {
    #if os(Linux)
    /// The names of this process's threads, as `/proc` shows them (what `top -H` and `perf` read).
    static func threadNames() throws -> [String] {
        let tasks = try FileManager.default.contentsOfDirectory(atPath: "/proc/self/task")
        return tasks.compactMap { task in
            (try? String(contentsOfFile: "/proc/self/task/\(task)/comm", encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    @Test func theWriterRunsOnAThreadNamedForIt() async throws {
        try await withReplayServer(scenario: try .default) { server in
            // The writer handles this itself: its thread has started and named itself.
            await server.journal.clear()
            let names = try Self.threadNames()
            #expect(names.contains(JournalWriter.threadName))
        }
    }
    #endif
}
