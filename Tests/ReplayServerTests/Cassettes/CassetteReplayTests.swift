import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

@Suite("Cassette replay")
struct CassetteReplayTests {
    static let orders = """
        format: 1
        interactions:
          - request:
              method: POST
              path: /order/202309/orders/search
              query: {page_size: "10", shop_cipher: \(CassetteFixture.cipher), app_key: old, timestamp: "1600000000", sign: old}
              headers: {x-tts-access-token: "<redacted:x-tts-access-token:1>"}
              body: {order_status: UNPAID, create_time_ge: 1793600000}
            response:
              status: 200
              headers: {content-type: application/json, x-tts-trace: abc}
              body: {code: 0, message: Success, request_id: "20261102090000ABC", data: {orders: [{id: "576", status: UNPAID}], total_count: 1}}
        """

    /// A running server holds a cassette once, as its index: the scenario it keeps lists the
    /// cassette without its interactions, and the answers still come from them.
    @Test func theServerKeepsCassettesAsTheirIndexOnly() async throws {
        try await CassetteFixture.withServer(cassettes: ["orders": Self.orders]) { server in
            let cassette = try #require(server.scenario.cassettes.first)
            #expect(cassette.interactions.isEmpty)
            #expect(cassette.displayName == "orders.yaml")
            var options = SignedClient.Options()
            options.extraQuery = ["page_size": "10"]
            let answer = try await SignedClient(server: server).send(
                .POST,
                "/order/202309/orders/search",
                body: #"{"order_status":"UNPAID","create_time_ge":1793600000}"#,
                shopScoped: true,
                options: options
            )
            #expect(answer.code == 0)
            #expect(answer.headers["x-tts-trace"] == "abc")
        }
    }

    /// A recorded `code` that is no whole number (too large for an integer, or a fraction) is
    /// no code: the server starts and replays the answer as recorded. 1e30 stopped it at start.
    @Test(arguments: ["1e30", "-1e30", "1.5"])
    func aRecordedCodeThatIsNoWholeNumberIsReplayedAsRecorded(_ code: String) async throws {
        let cassette = """
            format: 1
            interactions:
              - request: {method: GET, path: /authorization/202309/shops}
                response: {body: {"code": \(code), "message": "odd", "data": {}}}
            """
        try await CassetteFixture.withServer(cassettes: ["odd": cassette], scenario: "answer_order: [cassettes]\n") { server in
            let answer = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops")
            #expect(answer.status == 200)
            #expect(String(decoding: answer.body, as: UTF8.self).contains(#""message":"odd""#))
            await server.journal.flush()
            let entry = try #require(try await server.journal.entries().last)
            #expect(entry.answeredBy == .cassette && entry.responseCode == nil)
        }
    }

    /// A request that differs from the recording only in what changes on every call matches it.
    @Test func replaysTheRecordedAnswerIgnoringSigningAndTokens() async throws {
        try await CassetteFixture.withServer(cassettes: ["orders": Self.orders]) { server in
            let client = SignedClient(server: server)
            var options = SignedClient.Options()
            options.extraQuery = ["page_size": "10"]
            let answer = try await client.send(
                .POST,
                "/order/202309/orders/search",
                body: #"{ "create_time_ge" : 1793600000, "order_status": "UNPAID" }"#,
                shopScoped: true,
                options: options
            )
            #expect(answer.status == 200)
            let expected =
                #"{"code":0,"data":{"orders":[{"id":"576","status":"UNPAID"}],"total_count":1},"message":"Success","request_id":"20261102090000ABC"}"#
            #expect(String(decoding: answer.body, as: UTF8.self) == expected)
            #expect(answer.headers["x-tts-trace"] == "abc")
            let entry = try #require(try await server.journal.entries().last)
            #expect(entry.answeredBy == .cassette)
            #expect(entry.answeredFrom == "orders.yaml#1")
            #expect(entry.responseCode == 0)
            #expect(entry.operation == nil)

            var unsigned = SignedClient.Options()
            unsigned.extraQuery = ["page_size": "10"]
            unsigned.sign = .some("0000")
            let refused = try await client.send(
                .POST,
                "/order/202309/orders/search",
                body: #"{"order_status":"UNPAID","create_time_ge":1793600000}"#,
                shopScoped: true,
                options: unsigned
            )
            #expect(refused.code == 106001, "the gateway checks a recorded route like any other")

            let otherMethod = try await client.send(.GET, "/order/202309/orders/search", shopScoped: true, options: options)
            #expect(otherMethod.code == 36009009, "a route outside the operation table is accepted only with the method recorded")
        }
    }

    static func repeating(_ policy: String) -> String {
        """
        format: 1
        repeat: \(policy)
        interactions:
          - request: {method: GET, path: /product/202309/products/1, query: {shop_cipher: \(CassetteFixture.cipher)}}
            response: {body: {code: 0, message: Success, request_id: first, data: {}}}
          - request: {method: GET, path: /product/202309/products/1, query: {shop_cipher: \(CassetteFixture.cipher)}}
            response: {body: {code: 0, message: Success, request_id: second, data: {}}}
        """
    }

    @Test(arguments: [
        ("last", ["first", "second", "second", "second"]), ("cycle", ["first", "second", "first", "second"]), ("none", ["first", "second", "", ""]),
    ])
    func repeatedRequestsReplayInOrderThenFollowTheRepeatPolicy(_ policy: String, _ expected: [String]) async throws {
        try await CassetteFixture.withServer(cassettes: ["products": Self.repeating(policy)], scenario: "answer_order: [cassettes]\n") { server in
            let client = SignedClient(server: server)
            var ids: [String] = []
            for _ in 0..<4 {
                let answer = try await client.call(.GET, "/product/202309/products/1")
                ids.append(answer.code == 0 ? try answer.envelope.requestID : "")
            }
            #expect(ids == expected)
            if policy == "none" {
                let misses = try await server.journal.entries(answeredBy: .nearMiss)
                #expect(misses.count == 2)
                #expect(misses.first?.nearMisses.first?.differences.first?.field == "call")
                #expect(misses.first?.nearMisses.first?.interaction == "products.yaml#2")
            }
            let reset = try await AdminClient(server: server).call(.POST, "/reset")
            #expect(reset.status == 200)
            let again = try await client.call(.GET, "/product/202309/products/1")
            #expect(try again.envelope.requestID == "first", "a reset starts every request from its first recording")
        }
    }

    static let search = """
        format: 1
        interactions:
          - request:
              method: POST
              path: /product/202502/products/search
              query: {page_size: "20", shop_cipher: \(CassetteFixture.cipher), category_version: v2}
              body: {status: ACTIVATE, page_token: abc, ids: ["1", "2", "3"]}
            match: {ignore: [body.page_token], ignore_array_order: true}
            response: {body: {code: 0, message: Success, request_id: searched, data: {products: [], total_count: 0}}}
        """

    @Test func ignoresNamedFieldsAndArrayOrderPerInteraction() async throws {
        try await CassetteFixture.withServer(cassettes: ["search": Self.search], scenario: "answer_order: [cassettes]\n") { server in
            let client = SignedClient(server: server)
            let query = ["page_size": "20", "category_version": "v2"]
            let hit = try await client.call(
                .POST,
                "/product/202502/products/search",
                query: query,
                json: ["status": "ACTIVATE", "page_token": "zzz", "ids": ["3", "1", "2"]]
            )
            #expect(try hit.envelope.requestID == "searched")
            let absent = try await client.call(
                .POST,
                "/product/202502/products/search",
                query: query,
                json: ["status": "ACTIVATE", "ids": ["2", "3", "1"]]
            )
            #expect(try absent.envelope.requestID == "searched", "an ignored field may be missing")
            let miss = try await client.call(
                .POST,
                "/product/202502/products/search",
                query: query,
                json: ["status": "DRAFT", "ids": ["1", "2", "3"]]
            )
            #expect(miss.code == 36009003)
            #expect(miss.status == 501)
        }
    }

    static let catalogue = """
        format: 1
        interactions:
          - request: {method: GET, path: /product/202309/categories, query: {shop_cipher: \(CassetteFixture.cipher), category_version: v2, locale: en-GB}}
            response: {body: {code: 0, message: Success, request_id: v2, data: {categories: []}}}
          - request: {method: GET, path: /product/202309/categories, query: {shop_cipher: \(CassetteFixture.cipher), category_version: v1, locale: en-GB}}
            response: {body: {code: 0, message: Success, request_id: v1, data: {categories: []}}}
          - request: {method: GET, path: /product/202309/categories/rules, query: {shop_cipher: \(CassetteFixture.cipher), category_version: v2}}
            response: {body: {code: 0, message: Success, request_id: rules, data: {}}}
          - request: {method: GET, path: /product/202309/brands, query: {shop_cipher: \(CassetteFixture.cipher), category_version: v2, page_size: "20"}}
            response: {body: {code: 0, message: Success, request_id: brands, data: {}}}
          - request: {method: GET, path: /authorization/202309/shops}
            response: {body: {code: 0, message: Success, request_id: shops, data: {}}}
        """

    @Test func anUnmatchedRequestGetsTheThreeClosestInteractionsWithTheirDifferences() async throws {
        try await CassetteFixture.withServer(cassettes: ["catalogue": Self.catalogue], scenario: "answer_order: [cassettes]\n") { server in
            let client = SignedClient(server: server)
            let answer = try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2", "locale": "de-DE"])
            #expect(answer.status == 501)
            #expect(answer.code == 36009003)
            let envelope = try answer.envelope
            #expect(envelope.message.contains("GET /product/202309/categories matches no cassette interaction"))
            let misses = try #require(envelope.data?["near_misses"]?.array)
            #expect(misses.count == 3)
            #expect(misses[0]["interaction"] == .string("catalogue.yaml#1"))
            #expect(misses[0]["line"] == .number(3))
            #expect(
                misses[0]["differences"]
                    == .array([.object(["field": .string("query.locale"), "recorded": .string("en-GB"), "received": .string("de-DE")])])
            )
            #expect(misses[1]["interaction"] == .string("catalogue.yaml#2"))
            #expect(misses[1]["differences"]?.array?.count == 2, "category_version and locale differ")
            #expect(misses[2]["interaction"] == .string("catalogue.yaml#3"), "then the path sharing the longest prefix")
            #expect(misses[2]["differences"]?[0]?["field"] == .string("path"))

            let entry = try #require(try await server.journal.entries().last)
            #expect(entry.answeredBy == .nearMiss)
            #expect(entry.nearMisses.map(\.interaction) == ["catalogue.yaml#1", "catalogue.yaml#2", "catalogue.yaml#3"])
            let admin = try await AdminClient(server: server).call(.GET, "/near-misses")
            #expect(admin.status == 200)
            let requests = try #require(admin.json["requests"]?.array)
            #expect(requests.count == 1)
            #expect(requests[0]["entry"] == .number(Double(entry.id)))
            #expect(requests[0]["request"]?.string?.hasPrefix("GET /product/202309/categories?") == true)
            #expect(requests[0]["near_misses"]?[0]?["differences"]?[0]?["field"] == .string("query.locale"))
        }
    }

    @Test func theAnswerOrderDecidesWhoAnswers() async throws {
        let stub = """
            stubs:
              - {match: {operation: get_categories}, respond: {data: {stubbed: true}}}
            """
        let query = ["category_version": "v2", "locale": "en-GB"]
        try await CassetteFixture.withServer(cassettes: ["catalogue": Self.catalogue]) { server in
            _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: query)
            #expect(try await server.journal.entries().last?.answeredBy == .simulator, "by default the simulator comes before cassettes")
        }
        try await CassetteFixture.withServer(cassettes: ["catalogue": Self.catalogue], scenario: "answer_order: [stubs, cassettes, simulator]\n") {
            server in
            let answer = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: query)
            #expect(try answer.envelope.requestID == "v2")
            let other = try await SignedClient(server: server).call(
                .GET,
                "/product/202309/categories",
                query: ["category_version": "v2", "locale": "ja-JP"]
            )
            #expect(other.code == 0, "a miss falls through to the simulator")
            #expect(try await server.journal.entries().map(\.answeredBy) == [.cassette, .simulator])
        }
        try await CassetteFixture.withServer(cassettes: ["catalogue": Self.catalogue], scenario: "answer_order: [stubs, cassettes]\n" + stub) {
            server in
            let answer = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: query)
            #expect(try answer.data["stubbed"] == .bool(true))
            #expect(try await server.journal.entries().last?.answeredFrom == "stub 1")
        }
    }
}
