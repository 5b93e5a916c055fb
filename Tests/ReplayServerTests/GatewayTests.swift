import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// One way a request can be wrong, and the answer TikTok gives to it.
struct GatewayCase: CustomTestStringConvertible, Sendable {
    var name: String
    var method: HTTPMethod = .GET
    var path = "/authorization/202309/shops"
    var body: String? = nil
    var shopScoped = false
    var options = SignedClient.Options()
    var code: Int
    var status: Int

    var testDescription: String { name }

    static let all: [GatewayCase] = {
        func with(_ change: (inout SignedClient.Options) -> Void) -> SignedClient.Options {
            var options = SignedClient.Options()
            change(&options)
            return options
        }
        return [
            GatewayCase(name: "unknown path", path: "/product/202309/nothing_here", code: 36009009, status: 404),
            GatewayCase(name: "wrong method", method: .DELETE, code: 36009010, status: 405),
            GatewayCase(name: "unknown version", path: "/authorization/202401/shops", code: 36009014, status: 404),
            GatewayCase(name: "missing app_key", options: with { $0.appKey = .some(nil) }, code: 36009004, status: 400),
            GatewayCase(name: "unknown app_key", options: with { $0.appKey = "not-our-app" }, code: 36009004, status: 400),
            GatewayCase(name: "missing timestamp", options: with { $0.timestamp = .some(nil) }, code: 36009004, status: 400),
            GatewayCase(name: "timestamp over 5 minutes old", options: with { $0.timestampOffset = -301 }, code: 36009004, status: 400),
            GatewayCase(name: "timestamp over 30 seconds ahead", options: with { $0.timestampOffset = 90 }, code: 36009004, status: 400),
            GatewayCase(name: "negative timestamp", options: with { $0.timestamp = -5 }, code: 36009004, status: 400),
            GatewayCase(name: "missing sign", options: with { $0.sign = .some(nil) }, code: 36009004, status: 400),
            GatewayCase(name: "wrong sign", options: with { $0.sign = String(repeating: "0", count: 64) }, code: 106001, status: 401),
            GatewayCase(name: "missing access token", options: with { $0.accessToken = .some(nil) }, code: 36009004, status: 401),
            GatewayCase(name: "unknown access token", options: with { $0.accessToken = "TTP_someone_else" }, code: 36009004, status: 401),
            GatewayCase(name: "expired access token", options: with { $0.accessToken = "TTP_expired" }, code: 105002, status: 401),
            GatewayCase(name: "missing shop_cipher on a shop-scoped operation", path: "/product/202309/categories", code: 106013, status: 400),
            GatewayCase(
                name: "shop_cipher where not accepted",
                options: with { $0.shopCipher = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3" },
                code: 36009004,
                status: 400
            ),
            GatewayCase(
                name: "unknown shop_cipher",
                path: "/product/202309/categories",
                options: with { $0.shopCipher = "ROW_nobody" },
                code: 36009004,
                status: 400
            ),
            GatewayCase(
                name: "body that is not JSON",
                method: .POST,
                path: "/product/202502/products/search",
                body: "page_size=10",
                shopScoped: true,
                code: 36009022,
                status: 400
            ),
            GatewayCase(
                name: "body that is JSON but not an object",
                method: .POST,
                path: "/product/202502/products/search",
                body: "[1, 2]",
                shopScoped: true,
                code: 36009022,
                status: 400
            ),
            GatewayCase(name: "percent-encoded invalid UTF-8", options: with { $0.rawQuerySuffix = "&locale=%FF%FE" }, code: 98001004, status: 400),
        ]
    }()
}

@Suite("Gateway")
struct GatewayTests {
    /// The default scenario plus a second, expired token.
    static func scenario() throws -> Scenario {
        var scenario = try Scenario.default
        scenario.accessTokens.append(AccessToken(value: "TTP_expired", expiresIn: HumanDuration(seconds: -3600)))
        return scenario
    }

    @Test(arguments: GatewayCase.all)
    func rejects(_ testCase: GatewayCase) async throws {
        try await withReplayServer(scenario: Self.scenario()) { server in
            let client = SignedClient(server: server)
            let answer = try await client.send(
                testCase.method,
                testCase.path,
                body: testCase.body,
                shopScoped: testCase.shopScoped,
                options: testCase.options
            )
            let envelope = try answer.envelope
            #expect(answer.status == testCase.status)
            #expect(envelope.code == testCase.code)
            #expect(envelope.data == nil)
            #expect(String(decoding: answer.body, as: UTF8.self).contains(#""data":null"#))
            #expect(!envelope.message.isEmpty)

            let entries = try await server.journal.entries()
            #expect(entries.count == 1)
            #expect(entries.first?.answeredBy == .gateway)
            #expect(entries.first?.responseCode == testCase.code)
            #expect(entries.first?.requestID == envelope.requestID)

            // The server keeps serving after any rejection.
            #expect(try await client.listShops().status == 200)
        }
    }

    @Test func bodyOverTheLimitIsRefused() async throws {
        try await withReplayServer(scenario: Self.scenario()) { server in
            let client = SignedClient(server: server)
            let huge = "{\"title\":\"" + String(repeating: "x", count: 10 * 1024 * 1024 + 1) + "\"}"
            let answer = try await client.send(.POST, "/product/202502/products/search", body: huge, shopScoped: true)
            #expect(answer.status == 413)
            #expect(try answer.envelope.code == 36009021)
            #expect(try await client.listShops().status == 200)
            let entry = try #require(try await server.journal.entries().first)
            #expect(entry.body.isEmpty)
        }
    }

    @Test func everyFailedCheckIsJournaledAndTheFirstAnswers() async throws {
        try await withReplayServer(scenario: Self.scenario()) { server in
            var options = SignedClient.Options()
            options.sign = "bad"
            options.accessToken = .some(nil)
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            #expect(try answer.envelope.code == 106001)
            let entry = try #require(try await server.journal.entries().first)
            #expect(entry.failedChecks.map(\.check) == [.sign, .accessToken])
            #expect(entry.failedChecks.allSatisfy { !$0.relaxed })
        }
    }

    @Test func relaxedCheckLetsTheRequestThroughButIsStillJournaled() async throws {
        var scenario = try Self.scenario()
        scenario.gateway = GatewayPolicy(relaxed: [.sign])
        try await withReplayServer(scenario: scenario) { server in
            var options = SignedClient.Options()
            options.sign = "unsigned"
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            #expect(answer.status == 200)
            #expect(try answer.envelope.code == 0)
            let entry = try #require(try await server.journal.entries().first)
            #expect(entry.answeredBy == .simulator)
            #expect(entry.failedChecks.map(\.check) == [.sign])
            #expect(entry.failedChecks.map(\.code) == [106001])
            #expect(entry.failedChecks.map(\.relaxed) == [true])
        }
    }

    @Test func relaxingOneCheckDoesNotRelaxAnother() async throws {
        var scenario = try Self.scenario()
        scenario.gateway = GatewayPolicy(relaxed: [.sign])
        try await withReplayServer(scenario: scenario) { server in
            var options = SignedClient.Options()
            options.sign = "unsigned"
            options.accessToken = "TTP_expired"
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            #expect(try answer.envelope.code == 105002)
        }
    }

    @Test func tokenIsAcceptedInTheHeaderOnlyAndRedactedInTheJournal() async throws {
        try await withReplayServer(scenario: Self.scenario()) { server in
            var options = SignedClient.Options()
            options.accessToken = .some(nil)
            options.extraQuery = ["access_token": server.credentials.accessToken]
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options)
            #expect(try answer.envelope.code == 36009004)
            _ = try await SignedClient(server: server).listShops()
            let entries = try await server.journal.entries()
            #expect(entries[0].query.contains("access_token=<redacted>"))
            #expect(entries[1].headers["x-tts-access-token"] == "<redacted>")
            #expect(
                !entries.contains {
                    String(decoding: $0.body, as: UTF8.self).contains(server.credentials.accessToken)
                        || $0.query.contains(server.credentials.accessToken)
                }
            )
        }
    }
}
