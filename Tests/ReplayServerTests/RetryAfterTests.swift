import ContractJudge
import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// `l7.retry-after-honoured` on the scenario clock, fractions included.
@Suite("Retry-After on the scenario clock")
struct RetryAfterTests {
    /// A retry 0.8 s short of Retry-After is early, even across a whole second of the clock: the
    /// journal kept scenario time in whole seconds, so 09:00:00.9 → 09:00:30.1 read as 30 s. On
    /// time, it is honoured.
    @Test(arguments: [(0.8, true), (0.0, false)])
    func aRetryShortOfRetryAfterByLessThanASecondIsEarly(shortBy: Double, early: Bool) async throws {
        try await withReplayServer(scenario: try .builtIn(named: "rate-limited")) { server in
            let client = SignedClient(server: server)
            var options = SignedClient.Options()
            options.extraQuery = ["page_size": "10"]
            func search() async throws -> Answer {
                try await client.send(
                    .POST,
                    "/product/202502/products/search",
                    body: #"{"category_version":"v2"}"#,
                    shopScoped: true,
                    options: options
                )
            }
            await server.clock.advance(by: .milliseconds(900))
            #expect(try await search().status == 200)
            let limited = try await search()
            #expect(limited.status == 429, "the scenario limits the second search")
            let retryAfter = try #require(limited.headers["retry-after"].flatMap(Double.init))
            await server.clock.advance(by: .milliseconds(Int64((retryAfter - shortBy) * 1000)))
            _ = try await search()
            await server.journal.flush()
            let result = try await Contract.l7.only(["l7.retry-after-honoured"]).judge(server.journal.reader).result("l7.retry-after-honoured")
            #expect((result?.status == .violated) == early, "\(String(describing: result))")
        }
    }
}
