import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Webhook registration")
struct WebhookRegistrationTests {
    @Test func registerListAndDeleteThenDeliverToTheRegisteredAddress() async throws {
        let scenario = try Scenario.default
        try await WebhookReceiver.with(appKey: scenario.app.key, appSecret: scenario.app.secret) { receiver in
            try await withReplayServer(scenario: scenario) { server in
                let client = SignedClient(server: server)
                #expect(try await client.call(.GET, "/event/202309/webhooks").data["webhooks"]?.array == [])
                let put = try await client.call(
                    .PUT,
                    "/event/202309/webhooks",
                    json: ["address": receiver.url, "event_type": "PRODUCT_CATEGORY_CHANGE"]
                )
                #expect(put.code == 0)
                let list = try await client.call(.GET, "/event/202309/webhooks").data["webhooks"]?.array ?? []
                #expect(list.count == 1)
                #expect(list.first?["address"]?.string == receiver.url)
                #expect(list.first?["event_type"]?.string == "PRODUCT_CATEGORY_CHANGE")

                _ = try await client.call(.POST, "/product/202407/products/category_upgrade_task")
                await server.clock.advance(by: .seconds(7200))
                #expect(receiver.received.count == 3)

                let delete = try await client.call(.DELETE, "/event/202309/webhooks", json: ["event_type": "PRODUCT_CATEGORY_CHANGE"])
                #expect(delete.code == 0)
                #expect(try await client.call(.GET, "/event/202309/webhooks").data["webhooks"]?.array == [])
            }
        }
    }

    @Test(arguments: [
        #"{"address": "https://example.com/hook", "event_type": "PRODUCT_EXPLOSION"}"#,
        #"{"event_type": "PRODUCT_CATEGORY_CHANGE"}"#,
        #"{"address": "ftp://example.com", "event_type": "PRODUCT_CATEGORY_CHANGE"}"#,
    ])
    func refusesABadRegistration(_ body: String) async throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).call(.PUT, "/event/202309/webhooks", json: json)
            #expect(answer.code == 98001004)
        }
    }

    @Test func withNoAddressNothingIsSentAndNothingIsPending() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            _ = try await SignedClient(server: server).call(.POST, "/product/202407/products/category_upgrade_task")
            await server.clock.advance(by: .seconds(7200))
            #expect(try await server.journal.webhookDeliveries().isEmpty)
            #expect(server.webhooks.pending.isEmpty)
            #expect(try await server.journal.shopEvents().filter { $0.kind == .productCategoryChanged }.count == 3)
        }
    }
}
