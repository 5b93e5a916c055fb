import Foundation
import ReplayServer
import Testing

/// How `run`, `suite` and the tests start child processes (`posix_spawn`, not
/// `Foundation.Process`, whose `run()` can crash the parent on Linux).
@Suite("Child processes")
struct ChildProcessTests {
    @Test func aChildInheritsNoDescriptorButItsStandardStreams() async throws {
        let output = Pipe()
        let held = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/zero"))  // open in the parent
        defer { try? held.close() }
        let child = try ChildProcess(command: ["ls", "/proc/self/fd"], standardOutput: .pipe(output))
        let listing = try output.fileHandleForReading.readToEnd() ?? Data()
        #expect(await child.exit() == .exited(0))
        // ls itself opens one descriptor to read the folder.
        let descriptors = String(decoding: listing, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(!descriptors.contains(Int(held.fileDescriptor)))
        #expect(descriptors.filter { $0 > 2 }.count <= 1, "\(descriptors)")
    }

    @Test func theExitStatusAndASignalAreReported() async throws {
        #expect(await (try ChildProcess(command: ["sh", "-c", "exit 7"])).exit() == .exited(7))
        let sleeper = try ChildProcess(command: ["sleep", "60"])
        #expect(sleeper.isRunning)
        sleeper.signal()
        let ended = await sleeper.exit()
        #expect(ended == .signalled(SIGTERM) && ended.status == 128 + SIGTERM)
        #expect(!sleeper.isRunning)
    }

    @Test func aChildGetsTheDefaultDispositionOfSIGPIPE() async throws {
        // The test process, like the server, may ignore SIGPIPE; a child must not inherit that.
        let output = Pipe()
        let child = try ChildProcess(command: ["grep", "SigIgn", "/proc/self/status"], standardOutput: .pipe(output))
        let text = String(decoding: try output.fileHandleForReading.readToEnd() ?? Data(), as: UTF8.self)
        #expect(await child.exit() == .exited(0))
        let ignored = UInt64(text.split(separator: "\t").last?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "", radix: 16) ?? 1
        #expect(ignored & (1 << (UInt64(SIGPIPE) - 1)) == 0, "\(text)")
    }
}
