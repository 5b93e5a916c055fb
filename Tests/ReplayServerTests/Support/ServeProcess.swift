import Foundation
import ReplayServer
import Scenarios

/// `tts-replay serve` run as a child process, the way a client in another language uses it.
struct ServeProcess {
    /// The JSON line `serve` prints once it listens.
    struct Announcement: Decodable {
        var baseURL: String
        var adminURL: String
        var journal: String
        /// Present when the admin API requires a token.
        var adminToken: String?

        enum CodingKeys: String, CodingKey {
            case baseURL = "base_url"
            case adminURL = "admin_url"
            case journal
            case adminToken = "admin_token"
        }
    }

    let process: ChildProcess
    /// A folder of this process's own, removed by ``stop()``.
    let directory: URL
    let line: String
    let announcement: Announcement
    let credentials: ClientCredentials

    /// The built `tts-replay` executable, beside the test bundle in the build folder.
    static var executable: URL {
        get throws {
            var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("tts-replay")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory.deleteLastPathComponent()
            }
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "tts-replay next to \(CommandLine.arguments[0])"])
        }
    }

    /// Starts `tts-replay serve` with extra arguments (and a journal in a folder of its own,
    /// unless the arguments name one) and waits for its line.
    private static func start(_ arguments: [String]) async throws -> ServeProcess {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let journal = arguments.contains("--journal") ? [] : ["--journal", directory.appendingPathComponent("journal.sqlite").path]
        let stdout = Pipe()
        let process = try ChildProcess(
            executable: try executable.path,
            arguments: ["serve", "--log-level", "warning"] + journal + arguments,
            standardOutput: .pipe(stdout),
            standardError: .null
        )
        do {
            let line = try await firstLine(of: stdout.fileHandleForReading)
            let data = Data(line.utf8)
            return ServeProcess(
                process: process,
                directory: directory,
                line: line,
                announcement: try JSONDecoder().decode(Announcement.self, from: data),
                credentials: try JSONDecoder().decode(ClientCredentials.self, from: data)
            )
        } catch {
            process.signal()
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    /// Runs `body` with a started process that is stopped afterwards, whether `body` returns or throws.
    static func with<T>(_ arguments: [String] = [], _ body: (ServeProcess) async throws -> T) async throws -> T {
        let serve = try await start(arguments)
        do {
            let result = try await body(serve)
            await serve.stop()
            return result
        } catch {
            await serve.stop()
            throw error
        }
    }

    /// A signed client for the process.
    var client: SignedClient { SignedClient(baseURL: announcement.baseURL, credentials: credentials) }

    /// Sends SIGTERM, waits for the exit, and removes the process's folder.
    func stop() async {
        process.signal()
        await Self.waitForExit(process)
        try? FileManager.default.removeItem(at: directory)
    }

    static func firstLine(of handle: FileHandle) async throws -> String {
        try await offThePool {
            var data = Data()
            while !data.contains(UInt8(ascii: "\n")) {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                data.append(chunk)
            }
            guard let end = data.firstIndex(of: UInt8(ascii: "\n")) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "serve printed no line"])
            }
            return String(decoding: data[..<end], as: UTF8.self)
        }
    }

    static func waitForExit(_ process: ChildProcess) async {
        await process.exit()
    }

}
