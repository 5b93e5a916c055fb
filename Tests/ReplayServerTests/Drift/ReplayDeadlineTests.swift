import AsyncHTTPClient
import Foundation
import ReplayServer
import Scenarios
import Testing

@testable import Drift

/// conform waits a bounded time for each answer, its body included: a server that sends a head
/// and then nothing cannot hold it.
@Suite("Drift: replay deadline")
struct ReplayDeadlineTests {
    @Test func aHeadWithoutItsBodyFailsTheExchangeAtTheDeadline() async throws {
        try await HostileReceiver.with([.headThenSilence]) { silent in
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let replay = RecordedRequestReplay(
                client: client,
                baseURL: try #require(URL(string: silent.url.replacingOccurrences(of: "/webhooks", with: ""))),
                credentials: try JSONDecoder().decode(
                    ClientCredentials.self,
                    from: Data(#"{"app_key":"k","app_secret":"s","access_token":"t","shop_cipher":"c","shop_id":"1"}"#.utf8)
                ),
                shopCiphers: [],
                standIns: StandIns(),
                timeout: .milliseconds(300)
            )
            await #expect(throws: RecordedRequestReplay.ReplayTimeout.self) {
                _ = try await replay.send(replay.prepared(Cassette.RecordedRequest(method: "GET", path: "/authorization/202309/shops")))
            }
            try await client.shutdown()
        }
    }
}
