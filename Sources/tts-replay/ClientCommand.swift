import Foundation
import ReplayJournal
import ReplayServer
import Synchronization

/// A client command run against a server: its environment, its deadline, how it ended.
/// `run` runs one; `suite` one per scenario.
enum ClientCommand {
    /// How a client command ended.
    enum Ending: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// It ran past its deadline and was stopped.
        case timedOut(seconds: Int)

        /// Whether the command succeeded.
        var succeeded: Bool { self == .exited(0) }

        /// What went wrong, for people; nil when it succeeded.
        var problem: String? {
            switch self {
            case .exited(0): nil
            case .exited(let status): "the client command exited with status \(status)"
            case .timedOut(let seconds): "the client command ran past its \(seconds) s deadline and was stopped"
            }
        }
    }

    /// The process's environment plus the server's address and credentials.
    static func environment(for server: ReplayServer, adding extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        let credentials = server.credentials
        environment["TTS_BASE_URL"] = server.baseURL.absoluteString
        environment["TTS_ADMIN_URL"] = server.adminURL.absoluteString
        environment["TTS_APP_KEY"] = credentials.appKey
        environment["TTS_APP_SECRET"] = credentials.appSecret
        environment["TTS_ACCESS_TOKEN"] = credentials.accessToken
        environment["TTS_SHOP_CIPHER"] = credentials.shopCipher
        environment["TTS_SHOP_ID"] = credentials.shopID
        environment["TTS_JOURNAL"] = server.journal.path
        return environment
    }

    /// Runs a command found on PATH like a shell would, with standard streams inherited or sent
    /// to `output`; past `timeout` it gets SIGTERM, and SIGKILL 5 s later.
    ///
    /// - Throws: When the command cannot be started.
    static func execute(_ command: [String], environment: [String: String], timeout: Duration, output: FileHandle? = nil) async throws -> Ending {
        let stream: ChildProcess.Stream = output.map { .file($0) } ?? .inherited
        let child = try ChildProcess(command: command, environment: environment, standardOutput: stream, standardError: stream)
        let watch = Watch()
        let watchdog = Task.detached {
            // At most a week (the limit of --client-timeout and of a suite's client.timeout):
            // a longer sleep overflows the clock's nanoseconds.
            try? await Task.sleep(for: min(timeout, .seconds(604_800)))
            guard !Task.isCancelled, !watch.ended.load(ordering: .sequentiallyConsistent) else { return }
            watch.timedOut.store(true, ordering: .sequentiallyConsistent)
            child.signal(SIGTERM)
            try? await Task.sleep(for: .seconds(5))
            if !watch.ended.load(ordering: .sequentiallyConsistent) { child.signal(SIGKILL) }
        }
        let termination = await child.exit()
        watch.ended.store(true, ordering: .sequentiallyConsistent)
        watchdog.cancel()
        if watch.timedOut.load(ordering: .sequentiallyConsistent) { return .timedOut(seconds: Int(timeout.components.seconds)) }
        return .exited(termination.status)
    }

    /// What the watchdog of one command and its waiter share.
    private final class Watch: Sendable {
        let ended = Atomic(false)
        let timedOut = Atomic(false)
    }
}
