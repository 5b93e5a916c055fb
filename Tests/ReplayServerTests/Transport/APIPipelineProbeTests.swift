import Foundation
import ReplayJournal
@_spi(Benchmarks) import ReplayServer
import Scenarios
import Testing

/// The probe the micro benchmarks measure the API port's pipeline with: the same handlers as a
/// connection, without the network.
@Suite("API pipeline probe")
struct APIPipelineProbeTests {
    @Test func answersAndJournalsARequestAsAConnectionDoes() async throws {
        try await TemporaryFolder.with("probe") { folder in
            let scenario = try Scenario.default
            let path = "/authorization/202309/shops"
            var query = ["app_key": scenario.app.key, "timestamp": String(Int(Date().timeIntervalSince1970))]
            query["sign"] = RequestSignature.sign(path: path, query: query, appSecret: scenario.app.secret)
            let target = path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
            let request = "GET \(target) HTTP/1.1\r\nHost: probe\r\nx-tts-access-token: \(scenario.primaryToken.value)\r\n\r\n"
            // The embedded channel is used on one thread: made and used before any suspension.
            let (probe, answers) = try {
                let probe = try APIPipelineProbe(scenario: scenario, journalPath: folder.appendingPathComponent("journal.sqlite").path)
                let answers = try (0..<2).map { _ in String(decoding: try probe.answer(Array(request.utf8)), as: UTF8.self) }
                return (probe, answers)
            }()
            for answer in answers {
                #expect(answer.hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answer.prefix(200))")
                #expect(answer.contains(#""shops":["#))
            }
            let entries = try await probe.journal.entries()
            #expect(entries.map(\.operation) == ["get_authorized_shops", "get_authorized_shops"])
            #expect(entries.allSatisfy { $0.query.contains("sign=<redacted>") })
            await probe.close()
        }
    }
}
