import Foundation
import Scenarios
import Testing

/// `tts-replay conform` as a user runs it: exit statuses, the table, JSON and HTML.
@Suite("conform command")
struct ConformCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../..").standardized

    @Test func aConformingRecordingExits0() async throws {
        let cassette = Self.root.appendingPathComponent("cassettes/catalogue-gb.yaml").path
        let run = try await ToolRun.run(["conform", cassette, "--scenario", "happy-path-gb"])
        #expect(run.status == 0, "\(run.output)\(run.errors)")
        #expect(run.output.contains("no differences"))
    }

    @Test func differencesExit1WithTheTableTheJSONAndThePage() async throws {
        try await TemporaryFolder.with("conform") { folder in
            let json = folder.appendingPathComponent("drift.json").path
            let html = folder.appendingPathComponent("drift.html").path
            let fixtures = ["category-upgrade.yaml", "webhooks.yaml"].map {
                Self.root.appendingPathComponent("Tests/Fixtures/production-like/\($0)").path
            }
            let run = try await ToolRun.run(["conform"] + fixtures + ["--scenario", "happy-path-gb", "--json", json, "--html", html])
            #expect(run.status == 1, "\(run.output)\(run.errors)")
            #expect(run.output.contains("webhook PRODUCT_CREATION (16)"))
            let document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(document["differs"] == .bool(true))
            let kinds = (document["operations"]?.array ?? []).flatMap { $0["findings"]?.array ?? [] }.compactMap { $0["kind"]?.string }
            #expect(kinds.contains("webhook_not_sent"))
            let page = try String(contentsOfFile: html, encoding: .utf8)
            #expect(page.contains("Content-Security-Policy") && page.contains("DIFFERS"))
        }
    }

    @Test func aBrokenCassetteExits2WithItsLine() async throws {
        try await TemporaryFolder.with("conform") { folder in
            let path = folder.appendingPathComponent("broken.yaml")
            try Data("format: 1\ninteractions:\n  - request: {method: FETCH, path: /x}\n    response: {}\n".utf8).write(to: path)
            let run = try await ToolRun.run(["conform", path.path, "--scenario", "happy-path-gb"])
            #expect(run.status == 2)
            #expect(run.errors.contains("broken.yaml:3:"), "\(run.errors)")
        }
    }
}
