import Foundation
import Logging
import NIOHTTP1
@_spi(Testing) import ReplayServer
import Scenarios
import Testing

/// Off loopback the server warns and puts its admin API behind a token; its base URL is one a
/// client can use.
@Suite("Exposure")
struct ExposureTests {
    @Test func aNonLoopbackAddressWarnsAndLocksTheAdminAPI() async throws {
        let log = LogRecorder()
        var configuration = ReplayServer.Configuration(host: "0.0.0.0", logger: log.logger)
        configuration.logger.logLevel = .warning
        try await withReplayServer(scenario: Scenario.default, configuration: configuration) { server in
            #expect(server.baseURL.host == "127.0.0.1", "0.0.0.0 is where the server listens, not an address to call")
            let token = try #require(server.adminToken)
            #expect(token.count >= 32)
            #expect(log.messages(atLeast: .warning).contains { $0.contains("0.0.0.0") && $0.contains("admin") }, "\(log.messages(atLeast: .warning))")
            #expect(try await SignedClient(server: server).listShops().status == 200, "the API answers at base_url")

            let anonymous = try await AdminClient(adminURL: server.adminURL.absoluteString, token: nil).call(.GET, "/health")
            #expect(anonymous.status == 401)
            #expect(anonymous.json["error"]?.string?.contains("token") == true)
            let wrong = try await AdminClient(adminURL: server.adminURL.absoluteString, token: token + "x").call(.POST, "/reset")
            #expect(wrong.status == 401)
            let allowed = try await AdminClient(adminURL: server.adminURL.absoluteString, token: token).call(.GET, "/health")
            #expect(allowed.status == 200)
        }
    }

    @Test func aGivenTokenGuardsTheAdminAPIOnLoopbackToo() async throws {
        var configuration = ReplayServer.Configuration()
        configuration.adminToken = "s3cret-token"
        try await withReplayServer(scenario: Scenario.default, configuration: configuration) { server in
            #expect(server.adminToken == "s3cret-token")
            let anonymous = try await AdminClient(adminURL: server.adminURL.absoluteString, token: nil).call(.GET, "/clock")
            #expect(anonymous.status == 401)
            let allowed = try await AdminClient(server: server).call(.GET, "/clock")
            #expect(allowed.status == 200)
        }
    }

    @Test func loopbackWithoutATokenKeepsTheAdminAPIOpen() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            #expect(server.adminToken == nil)
            let anonymous = try await AdminClient(adminURL: server.adminURL.absoluteString, token: nil).call(.GET, "/clock")
            #expect(anonymous.status == 200)
        }
    }

    @Test(arguments: [("0.0.0.0", "127.0.0.1"), ("::", "::1"), ("0:0::0", "::1"), ("127.0.0.1", "127.0.0.1"), ("192.168.1.20", "192.168.1.20")])
    func wildcardAddressesAreCalledOnLoopback(_ bound: String, _ called: String) {
        #expect(Listener.clientHost(forBound: bound) == called)
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("127.3.2.1", true), ("::1", true), ("::ffff:127.0.0.1", true), ("localhost", true),
        ("0.0.0.0", false), ("::", false), ("192.168.1.20", false), ("example.com", false),
    ])
    func onlyLoopbackAddressesCountAsLoopback(_ host: String, _ loopback: Bool) {
        #expect(Listener.isLoopback(host) == loopback)
    }

    @Test func serveAnnouncesTheTokenAndAUsableAddress() async throws {
        try await ServeProcess.with(["--host", "0.0.0.0"]) { serve in
            #expect(serve.announcement.baseURL.hasPrefix("http://127.0.0.1:"))
            let token = try #require(serve.announcement.adminToken)
            let anonymous = try await AdminClient(adminURL: serve.announcement.adminURL, token: nil).call(.GET, "/health")
            #expect(anonymous.status == 401)
            let allowed = try await AdminClient(adminURL: serve.announcement.adminURL, token: token).call(.GET, "/health")
            #expect(allowed.status == 200)
            #expect(try await serve.client.listShops().status == 200)
        }
    }

    @Test func serveTakesAGivenToken() async throws {
        try await ServeProcess.with(["--admin-token", "s3cret-token"]) { serve in
            #expect(serve.announcement.adminToken == "s3cret-token")
            let anonymous = try await AdminClient(adminURL: serve.announcement.adminURL, token: nil).call(.GET, "/clock")
            #expect(anonymous.status == 401)
            let allowed = try await AdminClient(adminURL: serve.announcement.adminURL, token: "s3cret-token").call(.GET, "/clock")
            #expect(allowed.status == 200)
        }
    }
}
