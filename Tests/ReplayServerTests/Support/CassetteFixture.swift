import Foundation
import ReplayServer
import Scenarios

/// A scenario with cassettes written to a temporary folder of its own, removed afterwards.
enum CassetteFixture {
    /// The default scenario's shop cipher, which the cassettes below record.
    static let cipher = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"

    /// Writes each cassette text as `NAME.yaml` beside a scenario whose other keys are `scenario`,
    /// and runs `body` with a server of that scenario.
    static func withServer<T>(
        cassettes: [String: String],
        scenario extra: String = "",
        _ body: (ReplayServer) async throws -> T
    ) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cassettes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in cassettes {
            try text.write(to: folder.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        }
        let names = cassettes.keys.sorted().map { "\($0).yaml" }.joined(separator: ", ")
        let file = folder.appendingPathComponent("scenario.yaml")
        try "name: cassette-test\ncassettes: [\(names)]\n\(extra)".write(to: file, atomically: true, encoding: .utf8)
        return try await withReplayServer(scenario: Scenario.load(contentsOf: file), body)
    }
}
