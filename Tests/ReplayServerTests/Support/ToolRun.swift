import Foundation

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
        let process = Process()
        process.executableURL = try executable ?? ServeProcess.executable
        process.arguments = arguments
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        async let output = offThePool { try stdout.fileHandleForReading.readToEnd() ?? Data() }
        async let errors = offThePool { try stderr.fileHandleForReading.readToEnd() ?? Data() }
        let (out, err) = try await (output, errors)
        await ServeProcess.waitForExit(process)
        return ToolRun(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }
}
