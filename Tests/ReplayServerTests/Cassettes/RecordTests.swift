import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

@Suite("Record")
struct RecordTests {
    /// A temporary folder removed afterwards.
    static func withFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }

    /// The calls of the round trip: reads and a write, with and without shop, query and body.
    static func exercise(_ client: SignedClient) async throws -> [Answer] {
        [
            try await client.listShops(),
            try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2", "locale": "en-GB"]),
            try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v1"]),
            try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "5"], json: ["status": "ACTIVATE"]),
            try await client.call(.GET, "/product/202309/products/0000"),
            try await client.call(
                .POST,
                "/product/202309/categories/recommend",
                query: ["category_version": "v2"],
                json: ["product_title": "Organic linen tea towel set of two in natural colour"]
            ),
        ]
    }

    @Test func recordThenReplayGivesIdenticalAnswersAndTheCassetteHoldsNoSecret() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("recorded.yaml").path
            let scenario = try Scenario.default
            let (recordedAnswers, signs) = try await withReplayServer(scenario: scenario) { upstream in
                let recorder = try await Recorder.start(
                    .init(upstream: upstream.baseURL, cassettePath: path, secrets: [upstream.credentials.appSecret])
                )
                do {
                    let answers = try await Self.exercise(SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials))
                    try await recorder.stop()
                    let signs = try await upstream.journal.entries().compactMap { $0.queryParameters.first { $0.name == "sign" }?.value }
                    return (answers, signs)
                } catch {
                    try? await recorder.stop()
                    throw error
                }
            }
            #expect(recordedAnswers.map { $0.code == 0 } == [true, true, true, true, false, true], "the unknown product is an error, recorded too")
            #expect(signs.count == 6)

            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains(scenario.primaryToken.value), "the access token is redacted")
            #expect(!text.contains(scenario.app.secret), "the app secret is redacted")
            for sign in signs { #expect(!text.contains(sign), "every sign is redacted") }
            #expect(text.contains("<redacted:x-tts-access-token:"))
            #expect(text.contains("<redacted:sign:"))

            let cassette = try await offThePool { try Cassette.load(contentsOf: URL(fileURLWithPath: path)) }
            #expect(cassette.interactions.count == 6)
            #expect(cassette.recording.with == "tts-replay record")
            var replaying = scenario
            replaying.cassettes = [cassette]
            replaying.answerOrder = [.cassettes]
            try await withReplayServer(scenario: replaying) { replay in
                let replayed = try await Self.exercise(SignedClient(server: replay))
                #expect(replayed.map(\.status) == recordedAnswers.map(\.status))
                for (index, answer) in replayed.enumerated() {
                    #expect(answer.body == recordedAnswers[index].body, "answer \(index + 1) is byte for byte the recorded one")
                }
                #expect(try await replay.journal.entries().allSatisfy { $0.answeredBy == .cassette })
            }
        }
    }

    @Test func anExistingCassetteIsNeverReplacedUnlessAskedAndCanBeAppendedTo() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("c.yaml").path
            try await withReplayServer(scenario: try .default) { upstream in
                func record(_ existing: Recorder.ExistingFile) async throws -> Int {
                    let recorder = try await Recorder.start(.init(upstream: upstream.baseURL, cassettePath: path, existingFile: existing))
                    _ = try await SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials).listShops()
                    try await recorder.stop()
                    return await recorder.interactionCount
                }
                #expect(try await record(.refuse) == 1)
                await #expect(throws: RecorderError.self) { try await Recorder.start(.init(upstream: upstream.baseURL, cassettePath: path)) }
                #expect(try await record(.append) == 2)
                let text = try String(contentsOfFile: path, encoding: .utf8)
                #expect(text.contains("<redacted:sign:1>") && text.contains("<redacted:sign:3>"), "numbering goes on after the existing placeholders")
                #expect(try await record(.overwrite) == 1)
            }
        }
    }

    @Test func anUnreachableUpstreamGetsA502EnvelopeAndNothingIsRecorded() async throws {
        try await Self.withFolder { folder in
            let path = folder.appendingPathComponent("c.yaml").path
            let recorder = try await Recorder.start(
                .init(upstream: URL(string: "http://127.0.0.1:1")!, cassettePath: path, upstreamTimeout: .seconds(1))
            )
            let credentials = try JSONDecoder().decode(
                ClientCredentials.self,
                from: Data(#"{"app_key":"k","app_secret":"s","access_token":"t","shop_cipher":"c","shop_id":"1"}"#.utf8)
            )
            let answer = try await SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: credentials).listShops()
            try await recorder.stop()
            #expect(answer.status == 502)
            #expect(answer.code == 36009003)
            #expect(try answer.envelope.message.contains("could not get an answer from the upstream"))
            #expect(await recorder.interactionCount == 0)
            #expect(try Cassette.load(contentsOf: URL(fileURLWithPath: path)).interactions.isEmpty)
        }
    }

    @Test func aBadUpstreamOrAnUnwritableCassetteIsRefusedAtStart() async throws {
        await #expect(throws: RecorderError.self) {
            try await Recorder.start(.init(upstream: URL(string: "ftp://example.com")!, cassettePath: "/tmp/never.yaml"))
        }
        await #expect(throws: RecorderError.self) {
            try await Recorder.start(.init(upstream: URL(string: "http://127.0.0.1:1")!, cassettePath: "/nonexistent-folder/c.yaml"))
        }
    }
}
