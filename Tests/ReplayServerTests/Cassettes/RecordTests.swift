import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Record")
struct RecordTests {
    /// A temporary folder removed afterwards.
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
        try await TemporaryFolder.with("record") { folder in
            let path = folder.appendingPathComponent("recorded.yaml").path
            let scenario = try Scenario.default
            let (recordedAnswers, signs) = try await withReplayServer(scenario: scenario) { upstream in
                let recorder = try await Recorder.start(
                    .init(upstream: upstream.baseURL, cassettePath: path, secrets: [upstream.credentials.appSecret])
                )
                do {
                    let answers = try await Self.exercise(SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials))
                    try await recorder.stop()
                    // The upstream's journal redacts signs: sign again what it received to know them.
                    let signs = try await upstream.journal.entries().map { entry in
                        RequestSignature.sign(
                            path: entry.path,
                            query: Dictionary(
                                entry.queryParameters.filter { $0.name != "sign" }.map { ($0.name, $0.value) },
                                uniquingKeysWith: { $1 }
                            ),
                            body: Array(entry.body),
                            appSecret: upstream.credentials.appSecret
                        )
                    }
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
        try await TemporaryFolder.with("record") { folder in
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

    /// A cassette never grows past what it may hold: the exchange that would take it past is
    /// answered 502 and left out, so the file stays one every tool loads (at 64 MiB by default,
    /// a recording once wrote a cassette its own lint and serve refused).
    @Test func anExchangeThatWouldOverfillTheCassetteIsAnswered502AndLeftOut() async throws {
        try await TemporaryFolder.with("record-full") { folder in
            let path = folder.appendingPathComponent("c.yaml").path
            try await withReplayServer(scenario: try .default) { upstream in
                var configuration = Recorder.Configuration(upstream: upstream.baseURL, cassettePath: path)
                configuration.maximumCassetteBytes = 3_000
                let recorder = try await Recorder.start(configuration)
                let client = SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials)
                var answers: [Answer] = []
                for _ in 0..<6 { answers.append(try await client.listShops()) }
                try await recorder.stop()
                let recorded = await recorder.interactionCount
                #expect(recorded >= 1 && recorded < 6, "\(recorded) recorded")
                #expect(answers.prefix(recorded).allSatisfy { $0.status == 200 })
                let refused = try #require(answers.dropFirst(recorded).first)
                #expect(refused.status == 502)
                let message = try refused.envelope.message
                #expect(message.contains("did not record it"), "\(message)")
                #expect(await recorder.unrecordedCount == 6 - recorded)
                let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
                #expect(size <= 3_000)
                #expect(try Cassette.load(contentsOf: URL(fileURLWithPath: path)).interactions.count == recorded)
            }
        }
    }

    @Test func anUnreachableUpstreamGetsA502EnvelopeAndNothingIsRecorded() async throws {
        try await TemporaryFolder.with("record") { folder in
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

    @Test(arguments: [HostileReceiver.Behaviour.headThenSilence, .trickle(interval: .milliseconds(200))])
    func anUpstreamThatStopsInItsAnswerGetsA502AtTheTimeout(_ behaviour: HostileReceiver.Behaviour) async throws {
        try await TemporaryFolder.with("record") { folder in
            try await HostileReceiver.with([behaviour]) { upstream in
                let recorder = try await Recorder.start(
                    .init(
                        upstream: URL(string: upstream.url)!.deletingLastPathComponent(),
                        cassettePath: folder.appendingPathComponent("c.yaml").path,
                        upstreamTimeout: .seconds(1)
                    )
                )
                let credentials = try JSONDecoder().decode(
                    ClientCredentials.self,
                    from: Data(#"{"app_key":"k","app_secret":"s","access_token":"t","shop_cipher":"c","shop_id":"1"}"#.utf8)
                )
                let client = SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: credentials)
                let answered = await RealTimeBound.run(within: .seconds(20)) { try? await client.listShops() }
                try await recorder.stop()
                let answer = try #require(answered?.value, "the client got an answer before the 20 s guard")
                #expect(answer.status == 502)
                let message = try answer.envelope.message
                #expect(message.contains("no whole answer within 1.0 seconds"), "\(message)")
                #expect(await recorder.interactionCount == 0)
            }
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

    // MARK: - Redaction

    /// Records what `exchanges` sends through a recorder in front of a default-scenario
    /// upstream (named with `userinfo`, if given), and returns the cassette's text.
    static func recorded(
        userinfo: String? = nil,
        _ exchanges: (SignedClient) async throws -> Void
    ) async throws -> String {
        try await TemporaryFolder.with("record") { folder in
            let path = folder.appendingPathComponent("recorded.yaml").path
            try await withReplayServer(scenario: try .default) { upstream in
                let url = userinfo.map { upstream.baseURL.absoluteString.replacingOccurrences(of: "http://", with: "http://\($0)@") }
                let recorder = try await Recorder.start(.init(upstream: url.flatMap(URL.init(string:)) ?? upstream.baseURL, cassettePath: path))
                do {
                    try await exchanges(SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials))
                    try await recorder.stop()
                } catch {
                    try? await recorder.stop()
                    throw error
                }
            }
            return try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    @Test func aCamelCaseMemberIsRedactedAtAnyDepth() async throws {
        let text = try await Self.recorded { client in
            _ = try await client.call(
                .POST,
                "/product/202502/products/search",
                json: ["status": "ACTIVATE", "refreshToken": "RT-camel-0001-secret", "auth": ["ClientSecret": "CS-nested-0001-secret"]]
            )
        }
        #expect(!text.contains("RT-camel-0001-secret"))
        #expect(!text.contains("CS-nested-0001-secret"))
        #expect(text.contains("<redacted:refresh_token:"), "the placeholder names the member in one style")
        #expect(text.contains("status: ACTIVATE"), "ordinary members are kept")
    }

    @Test func aFormBodyFieldIsRedacted() async throws {
        let text = try await Self.recorded { client in
            var options = SignedClient.Options()
            options.contentType = "application/x-www-form-urlencoded"
            _ = try await client.send(
                .POST,
                "/product/202502/products/search",
                body: "grant_type=refresh_token&refresh_token=RT-form-0002-secret",
                shopScoped: true,
                options: options
            )
        }
        #expect(!text.contains("RT-form-0002-secret"))
        #expect(text.contains("grant_type=refresh_token&refresh_token=<redacted:refresh_token:"))
    }

    @Test func anAPIKeyHeaderIsRedacted() async throws {
        let text = try await Self.recorded { client in
            var options = SignedClient.Options()
            options.extraHeaders = ["x-api-key": "AK-header-0003-secret", "X-Request-Note": "kept"]
            _ = try await client.send(.GET, "/authorization/202309/shops", options: options)
        }
        #expect(!text.contains("AK-header-0003-secret"))
        #expect(text.contains("x-api-key: <redacted:x-api-key:"))
        #expect(text.contains("x-request-note: kept"))
    }

    @Test func aValueSeenInAnOrdinaryFieldBeforeItIsSentAsATokenIsRedactedEverywhere() async throws {
        let text = try await Self.recorded { client in
            var first = SignedClient.Options()
            first.extraQuery = ["note": "TK-later-0004-secret"]
            _ = try await client.send(.GET, "/authorization/202309/shops", options: first)
            var second = SignedClient.Options()
            second.accessToken = "TK-later-0004-secret"
            _ = try await client.send(.GET, "/authorization/202309/shops", options: second)
        }
        #expect(!text.contains("TK-later-0004-secret"), "the first interaction was redacted again once the token was known")
        #expect(text.contains("note: <redacted:x-tts-access-token:"))
    }

    /// The recorder writes each exchange's text once and joins them: the file is what writing
    /// the whole cassette at once gives, also after an exchange taught it a credential that an
    /// earlier exchange held (which is written again).
    @Test func aRecordedCassetteIsTheWholeCassetteWritten() async throws {
        let text = try await Self.recorded { client in
            var first = SignedClient.Options()
            first.extraQuery = ["note": "TK-whole-0006-secret"]
            _ = try await client.send(.GET, "/authorization/202309/shops", options: first)
            _ = try await client.call(.POST, "/product/202502/products/search", json: ["status": "ACTIVATE"])
            var third = SignedClient.Options()
            third.accessToken = "TK-whole-0006-secret"
            _ = try await client.send(.GET, "/authorization/202309/shops", options: third)
        }
        let cassette = try Cassette.parse(text, file: "recorded.yaml")
        #expect(cassette.interactions.count == 3)
        #expect(!text.contains("TK-whole-0006-secret"))
        #expect(cassette.yaml() == text)
    }

    @Test func theUpstreamPasswordIsNeitherRecordedNorShown() async throws {
        let text = try await Self.recorded(userinfo: "recorder:PW-url-0005-secret") { client in
            _ = try await client.listShops()
        }
        #expect(!text.contains("PW-url-0005-secret"))
        #expect(text.contains("recorder:<redacted>@127.0.0.1"))
    }

    @Test func recordPrintsTheUpstreamWithoutItsPassword() async throws {
        try await TemporaryFolder.with("record") { folder in
            let path = folder.appendingPathComponent("c.yaml").path
            let stdout = Pipe()
            let process = try ChildProcess(
                executable: try ServeProcess.executable.path,
                arguments: ["record", "--upstream", "http://recorder:PW-cli-0006-secret@127.0.0.1:1", "--cassette", path],
                standardOutput: .pipe(stdout),
                standardError: .null
            )
            let line: String
            do {
                line = try await ServeProcess.firstLine(of: stdout.fileHandleForReading)
            } catch {
                process.signal()
                await ServeProcess.waitForExit(process)
                throw error
            }
            process.signal()
            await ServeProcess.waitForExit(process)
            #expect(!line.contains("PW-cli-0006-secret"))
            #expect(line.contains(#""upstream":"http://recorder:<redacted>@127.0.0.1:1""#))
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("PW-cli-0006-secret"))
        }
    }

    @Test func aRedactedRecordingReplaysWithOtherSecretValues() async throws {
        try await TemporaryFolder.with("record") { folder in
            let path = folder.appendingPathComponent("recorded.yaml").path
            let scenario = try Scenario.default
            func exchange(_ client: SignedClient, secret: String) async throws -> Answer {
                var options = SignedClient.Options()
                options.extraQuery = ["page_size": "5", "api_key": "AK-\(secret)"]
                options.extraHeaders = ["x-api-key": "HK-\(secret)"]
                return try await client.send(
                    .POST,
                    "/product/202502/products/search",
                    body: #"{"status":"ACTIVATE","refreshToken":"RT-\#(secret)","filter":{"password":"PW-\#(secret)"}}"#,
                    shopScoped: true,
                    options: options
                )
            }
            let recorded = try await withReplayServer(scenario: scenario) { upstream in
                let recorder = try await Recorder.start(.init(upstream: upstream.baseURL, cassettePath: path))
                do {
                    let answer = try await exchange(
                        SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials),
                        secret: "recorded-0007"
                    )
                    try await recorder.stop()
                    return answer
                } catch {
                    try? await recorder.stop()
                    throw error
                }
            }
            #expect(recorded.code == 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!text.contains("recorded-0007"))

            var replaying = scenario
            replaying.cassettes = [try await offThePool { try Cassette.load(contentsOf: URL(fileURLWithPath: path)) }]
            replaying.answerOrder = [.cassettes]
            try await withReplayServer(scenario: replaying) { replay in
                let replayed = try await exchange(SignedClient(server: replay), secret: "replayed-0007")
                #expect(replayed.status == recorded.status)
                #expect(replayed.body == recorded.body, "the recorded answer, byte for byte, though every secret differs")
                #expect(try await replay.journal.entries().map(\.answeredBy) == [.cassette])
            }
        }
    }
}
