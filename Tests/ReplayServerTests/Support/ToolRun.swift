import Foundation
import ReplayServer

/// One run of the built `tts-replay` executable to its end: its exit status and what it printed.
struct ToolRun {
    var status: Int32
    /// Standard output.
    var output: String
    /// Standard error.
    var errors: String

    /// Runs `tts-replay` with arguments and waits for it; both streams are read at once, so a
    /// chatty process never blocks on a full pipe.
    static func run(_ arguments: [String], executable: URL? = nil, environment: [String: String]? = nil) async throws -> ToolRun {
        let stdout = Pipe()
        let stderr = Pipe()
        let process = try ChildProcess(
            executable: try (executable ?? ServeProcess.executable).path,
            arguments: arguments,
            environment: environment.map { ProcessInfo.processInfo.environment.merging($0) { $1 } },
            standardOutput: .pipe(stdout),
            standardError: .pipe(stderr)
        )
        async let output = offThePool { try stdout.fileHandleForReading.readToEnd() ?? Data() }
        async let errors = offThePool { try stderr.fileHandleForReading.readToEnd() ?? Data() }
        let (out, err) = try await (output, errors)
        let termination = await process.exit()
        return ToolRun(status: termination.status, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
}
