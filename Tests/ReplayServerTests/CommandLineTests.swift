import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReplayServer
import Testing

/// `tts-replay serve` as a separate process, the way a client in another language uses it.
@Suite("tts-replay serve")
struct CommandLineTests {
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

    struct Announcement: Decodable {
        var base_url: String
        var admin_url: String
        var app_key: String
        var app_secret: String
        var access_token: String
        var shop_cipher: String
        var shop_id: String
        var journal: String
    }

    @Test func printsOneJSONLineServesAndFlushesTheJournalOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journalPath = directory.appendingPathComponent("journal.sqlite").path

        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = ["serve", "--journal", journalPath, "--log-level", "warning"]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let line = try await Self.firstLine(of: stdout.fileHandleForReading)
        let announcement = try JSONDecoder().decode(Announcement.self, from: Data(line.utf8))
        let keys = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        #expect(
            Set(keys?.keys ?? [:].keys) == ["base_url", "admin_url", "app_key", "app_secret", "access_token", "shop_cipher", "shop_id", "journal"]
        )
        #expect(announcement.journal == journalPath)
        #expect(announcement.base_url.hasPrefix("http://127.0.0.1:"))
        #expect(announcement.admin_url == announcement.base_url + "/__admin")

        let path = "/authorization/202309/shops"
        let query = ["app_key": announcement.app_key, "timestamp": "\(Int(Date().timeIntervalSince1970))"]
        let sign = RequestSignature.sign(path: path, query: query, appSecret: announcement.app_secret)
        var request = HTTPClientRequest(
            url: "\(announcement.base_url)\(path)?app_key=\(announcement.app_key)&timestamp=\(query["timestamp"]!)&sign=\(sign)"
        )
        request.headers.add(name: "x-tts-access-token", value: announcement.access_token)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        #expect(response.status.code == 200)
        _ = try await response.body.collect(upTo: 1 << 20)

        process.terminate()  // SIGTERM
        await Self.waitForExit(process)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        let reader = try JournalReader(path: journalPath)
        #expect(try await reader.count() == 1)
        #expect(try await reader.entries().first?.responseStatus == 200)
    }

    @Test func unknownScenarioExitsWithStatus2AndSaysWhy() async throws {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = ["serve", "--scenario", "defualt"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        await Self.waitForExit(process)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 2)
        #expect(message.contains("did you mean 'default'?"))
    }

    @Test func badOptionExitsWithStatus2() async throws {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = ["serve", "--port", "70000"]
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        await Self.waitForExit(process)
        #expect(process.terminationStatus == 2)
    }

    static func firstLine(of handle: FileHandle) async throws -> String {
        try await Task.detached {
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
        }.value
    }

    static func waitForExit(_ process: Process) async {
        await Task.detached { process.waitUntilExit() }.value
    }
}
