import Foundation
import ReplayServer
import Scenarios
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What the command line says about inputs that are not what it expects: what they are, not
/// "no such file", and no punctuation left over from the system call that failed.
@Suite("Clear diagnostics")
struct ClearDiagnosticsTests {
    @Test func lintNamesADeviceAndAFIFOForWhatTheyAre() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("special-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.yaml")
        try #require(mkfifo(fifo.path, 0o600) == 0)

        let run = try await ToolRun.run(["lint", "/dev/zero", fifo.path])
        #expect(run.status == 1)
        #expect(
            run.output.split(separator: "\n") == [
                "/dev/zero: error: not a regular file: a character device",
                "\(fifo.path): error: not a regular file: a FIFO (named pipe)",
            ]
        )
    }

    @Test func aPortInUseIsSaidPlainly() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let port = try #require(server.baseURL.port)
            do {
                let second = try await ReplayServer.start(scenario: Scenario.default, configuration: .init(port: port))
                try await second.stop()
                Issue.record("a second server listened on port \(port)")
            } catch let error as ReplayServerError {
                #expect("\(error)" == "cannot listen on 127.0.0.1:\(port): the port is already in use (is another server listening on it?)")
            }
        }
    }
}
