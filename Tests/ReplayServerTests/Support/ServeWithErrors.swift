import Foundation
import ReplayServer

/// `tts-replay serve` as a child process whose standard error is kept: for what it says when it
/// refuses to start, and for its exit status and summary when it stops.
final class ServeWithErrors: Sendable {
    /// How a start went.
    enum Start {
        /// The process exited before listening.
        case refused(status: Int32, errors: String)
        /// The process listens; stop it with ``stop()``.
        case serving(ServeWithErrors)
    }

    let process: ChildProcess
    let announcement: ServeProcess.Announcement
    let credentials: ClientCredentials
    private let errors: Task<Data, any Error>

    private init(process: ChildProcess, announcement: ServeProcess.Announcement, credentials: ClientCredentials, errors: Task<Data, any Error>) {
        self.process = process
        self.announcement = announcement
        self.credentials = credentials
        self.errors = errors
    }

    /// Starts `tts-replay serve` with these arguments and waits until it listens or exits.
    static func start(_ arguments: [String]) async throws -> Start {
        let stdout = Pipe()
        let stderr = Pipe()
        let process = try ChildProcess(
            executable: try ServeProcess.executable.path,
            arguments: ["serve", "--log-level", "warning"] + arguments,
            standardOutput: .pipe(stdout),
            standardError: .pipe(stderr)
        )
        let errors = Task { try await offThePool { try stderr.fileHandleForReading.readToEnd() ?? Data() } }
        guard let line = try? await ServeProcess.firstLine(of: stdout.fileHandleForReading) else {
            await ServeProcess.waitForExit(process)
            let text = String(decoding: try await errors.value, as: UTF8.self)
            return .refused(status: process.waitUntilExit().status, errors: text)
        }
        let data = Data(line.utf8)
        return .serving(
            ServeWithErrors(
                process: process,
                announcement: try JSONDecoder().decode(ServeProcess.Announcement.self, from: data),
                credentials: try JSONDecoder().decode(ClientCredentials.self, from: data),
                errors: errors
            )
        )
    }

    /// A signed client for the process.
    var client: SignedClient { SignedClient(baseURL: announcement.baseURL, credentials: credentials) }

    /// Sends SIGTERM and waits for the exit: the status and everything written on standard error.
    func stop() async throws -> (status: Int32, errors: String) {
        process.signal()
        await ServeProcess.waitForExit(process)
        return (process.waitUntilExit().status, String(decoding: try await errors.value, as: UTF8.self))
    }
}
