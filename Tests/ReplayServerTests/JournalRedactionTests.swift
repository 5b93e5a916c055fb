import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// What the journal keeps of secrets: `docs/admin-and-journal.md`, "Redaction".
@Suite("Journal redaction")
struct JournalRedactionTests {
    static let searchPath = "/product/202502/products/search"

    /// A signed search whose JSON body carries secrets, as written.
    static func searchWithSecrets(_ client: SignedClient, body: String) async throws -> Answer {
        try await client.send(.POST, searchPath, body: body, shopScoped: true)
    }

    static func text(_ data: Data) -> String { String(decoding: data, as: UTF8.self) }

    @Test func theSignIsRedactedAndTheGatewayVerdictKept() async throws {
        try await withReplayServer(scenario: try .default) { server in
            var spoiled = SignedClient.Options()
            spoiled.sign = "0badc0ffee0badc0ffee0badc0ffee0badc0ffee0badc0ffee0badc0ffee0bad"
            _ = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: spoiled)
            _ = try await SignedClient(server: server).listShops()
            let entries = try await server.journal.entries()
            #expect(entries.count == 2)
            for entry in entries {
                #expect(entry.queryParameters.first { $0.name == "sign" }?.value == "<redacted>")
                #expect(entry.queryParameters.first { $0.name == "app_key" }?.value == server.credentials.appKey, "app_key is public")
            }
            #expect(!entries[0].query.contains("0badc0ffee"))
            #expect(entries[0].failedChecks.map(\.check) == [.sign], "whether the sign was right is still journaled")
            #expect(entries[1].failedChecks.isEmpty)
        }
    }

    @Test func secretsInAJSONBodyAreRedactedAndTheRestKeptAsSent() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let body =
                #"{"status": "ACTIVATE", "refreshToken":"RT-json-0101-secret","auth":{"client_secret":"CS-json-0101-secret"},"pin_password":123456789}"#
            _ = try await Self.searchWithSecrets(SignedClient(server: server), body: body)
            let entry = try #require(try await server.journal.entries().first)
            let kept = Self.text(entry.body)
            #expect(!kept.contains("RT-json-0101-secret"))
            #expect(!kept.contains("CS-json-0101-secret"))
            #expect(!kept.contains("123456789"))
            #expect(
                kept == #"{"status": "ACTIVATE", "refreshToken":"<redacted>","auth":{"client_secret":"<redacted>"},"pin_password":"<redacted>"}"#,
                "only the secrets change: order and spacing are as sent"
            )
        }
    }

    /// A gateway check's message that quotes what was sent quotes it redacted: a timestamp
    /// that was the app secret, an access token or a password of the same request.
    @Test func aFailedCheckQuotesWhatWasSentRedacted() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let secret = server.scenario.app.secret
            let token = try #require(server.scenario.accessTokens.first?.value)
            for (timestamp, extra) in [(secret, [:]), (token, [:]), ("s3cr3tPW99", ["password": "s3cr3tPW99"])] {
                var options = SignedClient.Options()
                options.timestamp = .some(nil)
                options.extraQuery = extra.merging(["timestamp": timestamp]) { $1 }
                _ = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            }
            let entries = try await server.journal.entries()
            #expect(entries.count == 3)
            for entry in entries {
                let messages = entry.failedChecks.map(\.message).joined(separator: " | ")
                #expect(messages.contains("<redacted>"), "\(messages)")
                for value in [secret, token, "s3cr3tPW99"] { #expect(!messages.contains(value), "\(messages)") }
            }
        }
    }

    /// A member repeated in an object is redacted every time: parsed, the body keeps one copy,
    /// and the others stayed in the journal as sent.
    @Test func everyCopyOfARepeatedSecretMemberIsRedacted() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let body =
                #"{"refresh_token":"d01secretAA","refresh_token":"d01secretBB","a":{"client_secret":"d02secretAA","client_secret":"d02secretBB"},"password":"d03secretAA","password":"d03secretBB","password":"d03secretCC"}"#
            let answer = try await Self.searchWithSecrets(SignedClient(server: server), body: body)
            #expect(answer.status == 200)
            let kept = Self.text(try #require(try await server.journal.entries().first).body)
            for value in ["d01secretAA", "d01secretBB", "d02secretAA", "d02secretBB", "d03secretAA", "d03secretBB", "d03secretCC"] {
                #expect(!kept.contains(value), "\(kept)")
            }
            #expect(kept.components(separatedBy: "<redacted>").count - 1 == 7)
        }
    }

    /// A credential of the session left outside any string of a broken JSON body is replaced too.
    @Test func aCredentialOutsideAnyStringOfABrokenBodyIsRedacted() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let secret = server.scenario.app.secret
            _ = try await Self.searchWithSecrets(SignedClient(server: server), body: "{\"note\": \(secret)}")
            let kept = Self.text(try #require(try await server.journal.entries().first).body)
            #expect(!kept.contains(secret), "\(kept)")
        }
    }

    /// A body the gateway refuses as broken JSON is redacted as far as it reads, not kept as sent.
    @Test(arguments: [
        #"{"refresh_token":"ij1secretAA","x":"#, #"{"refresh_token":"ij2secretAA"}xyz"#, #"{"refresh_token":"ij3secretAA"}{"a":1}"#,
        #"{"refresh_token":"ij4secretAA""#,
    ])
    func aBrokenJSONBodyIsRedactedAsFarAsItReads(_ body: String) async throws {
        try await withReplayServer(scenario: try .default) { server in
            let answer = try await Self.searchWithSecrets(SignedClient(server: server), body: body)
            #expect(answer.status == 400)
            let kept = Self.text(try #require(try await server.journal.entries().first).body)
            #expect(!kept.contains("secretAA"), "\(kept)")
            #expect(kept.contains(#""refresh_token":"<redacted>""#))
        }
    }

    @Test func formBodiesAndKeyHeadersAreRedacted() async throws {
        try await withReplayServer(scenario: try .default) { server in
            var options = SignedClient.Options()
            options.contentType = "application/x-www-form-urlencoded"
            options.extraHeaders = ["X-API-Key": "AK-header-0102-secret", "Cookie": "session=CK-0102"]
            _ = try await SignedClient(server: server).send(
                .POST,
                Self.searchPath,
                body: "grant_type=refresh_token&refresh_token=RT-form-0102-secret",
                shopScoped: true,
                options: options
            )
            let entry = try #require(try await server.journal.entries().first)
            #expect(Self.text(entry.body) == "grant_type=refresh_token&refresh_token=<redacted>")
            #expect(entry.headers["x-api-key"] == "<redacted>")
            #expect(entry.headers["cookie"] == "<redacted>")
        }
    }

    @Test func aFormFieldIsSplitAtItsAmpersandEvenBeforeACombiningMark() async throws {
        // `&` followed by a combining mark is one Character: a form read by Characters would
        // take the secret field as part of the value before it, and keep the secret.
        try await withReplayServer(scenario: try .default) { server in
            var options = SignedClient.Options()
            options.contentType = "application/x-www-form-urlencoded"
            _ = try await SignedClient(server: server).send(
                .POST,
                Self.searchPath,
                body: "grant_type=refresh_token&\u{301}refresh_token=RT-form-0105-secret",
                shopScoped: true,
                options: options
            )
            let entry = try #require(try await server.journal.entries().first)
            #expect(Self.text(entry.body) == "grant_type=refresh_token&\u{301}refresh_token=<redacted>")
        }
    }

    @Test func aWaiterSeesTheEntryRedacted() async throws {
        try await withReplayServer(scenario: try .default) { server in
            async let waited = server.journal.firstEntry(timeout: .seconds(60)) { $0.operation == "get_authorized_shops" }
            var options = SignedClient.Options()
            options.extraHeaders = ["x-api-key": "AK-wait-0106-secret"]
            _ = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            let entry = try #require(try await waited)
            #expect(entry.queryParameters.first { $0.name == "sign" }?.value == "<redacted>")
            #expect(entry.headers["x-api-key"] == "<redacted>")
            #expect(entry.headers["x-tts-access-token"] == "<redacted>")
        }
    }

    @Test func aSecretSeenEarlierIsRedactedWhereverItComesBack() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let client = SignedClient(server: server)
            _ = try await Self.searchWithSecrets(client, body: #"{"status":"ACTIVATE","password":"PW-later-0103-secret"}"#)
            var options = SignedClient.Options()
            options.extraQuery = ["note": "PW-later-0103-secret"]
            options.extraHeaders = ["x-request-note": "sent with PW-later-0103-secret inside"]
            _ = try await client.send(.GET, "/authorization/202309/shops", options: options)
            let entries = try await server.journal.entries()
            #expect(entries.count == 2)
            #expect(entries[1].queryParameters.first { $0.name == "note" }?.value == "<redacted>")
            #expect(entries[1].headers["x-request-note"] == "sent with <redacted> inside")
            #expect(!entries.contains { $0.query.contains("PW-later") || Self.text($0.body).contains("PW-later") })
        }
    }

    @Test func aCredentialIsFoundInAnAnswerFullOfItsFirstCharacter() async throws {
        // A token that starts with a digit, in an answer of digits: every occurrence, one right
        // after a near miss, is replaced; the digits around them are kept.
        let token = "20261130-secret-token"
        let note = "2026113" + "20261130-secre" + token + "0000" + token + token + "9"
        let scenario = try Scenario.parse(
            """
            access_tokens: [{token: "\(token)"}]
            stubs:
              - {match: {operation: get_brands}, respond: {data: {note: "\(note)"}}}
            """
        )
        try await withReplayServer(scenario: scenario) { server in
            _ = try await SignedClient(server: server).call(.GET, "/product/202309/brands")
            let answer = Self.text(try #require(try await server.journal.entries().last).responseBody)
            #expect(answer.contains(#""note":"202611320261130-secre<redacted>0000<redacted><redacted>9""#), "\(answer)")
        }
    }

    @Test func aCredentialLearnedLaterIsFoundInASharedAnswerLookedThroughBefore() async throws {
        // A recorded answer is shared by every request it answers: the journal remembers which
        // credentials it was looked through for, and must still look for one learned later.
        let cassette = """
            format: 1
            interactions:
              - request: {method: GET, path: /authorization/202309/shops}
                response:
                  status: 200
                  body: {code: 0, message: Success, request_id: "1", data: {note: "holds LATER-secret-0042 inside"}}
            """
        try await CassetteFixture.withServer(cassettes: ["shops": cassette], scenario: "answer_order: [cassettes]\n") { server in
            let client = SignedClient(server: server)
            _ = try await client.listShops()
            var options = SignedClient.Options()
            options.extraHeaders = ["x-refresh-token": "LATER-secret-0042"]
            _ = try await client.send(.GET, "/authorization/202309/shops", options: options)
            _ = try await client.listShops()
            let answers = try await server.journal.entries().map { Self.text($0.responseBody) }
            try #require(answers.count == 3)
            #expect(answers[0].contains("holds LATER-secret-0042 inside"), "not a credential yet")
            #expect(answers[1].contains("holds <redacted> inside"), "\(answers[1])")
            #expect(answers[2].contains("holds <redacted> inside"), "followed from then on: \(answers[2])")
        }
    }

    @Test func theRawBodiesOptionKeepsBodiesAsSentButNotTheSign() async throws {
        var configuration = ReplayServer.Configuration()
        configuration.journalRawBodies = true
        try await withReplayServer(scenario: try .default, configuration: configuration) { server in
            let body = #"{"status":"ACTIVATE","refresh_token":"RT-raw-0104-secret"}"#
            _ = try await Self.searchWithSecrets(SignedClient(server: server), body: body)
            let entry = try #require(try await server.journal.entries().first)
            #expect(Self.text(entry.body) == body)
            #expect(entry.queryParameters.first { $0.name == "sign" }?.value == "<redacted>")
            #expect(entry.headers["x-tts-access-token"] == "<redacted>")
        }
    }

    @Test func serveAndRunAcceptTheRawBodiesFlag() async throws {
        for command in ["serve", "run"] {
            let help = try await ToolRun.run([command, "--help"])
            #expect(help.output.contains("--journal-raw-bodies"), "\(command) documents the flag")
        }
    }
}
