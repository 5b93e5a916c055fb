import Foundation
import NIOHTTP1
import ReplayJournal
import Scenarios
import Testing

@testable import ReplayServer

/// No request costs the server more than its size: past each documented limit the gateway
/// answers an envelope at once, and below them repeated parameters cost no more than distinct ones.
@Suite("Request limits")
struct RequestLimitTests {
    static let shops = "/authorization/202309/shops"

    /// A signed request with a garbage sign and many copies of `x=1`: what the issue measured.
    static func duplicates(_ count: Int) -> SignedClient.Options {
        var options = SignedClient.Options()
        options.sign = String(repeating: "0", count: 64)
        options.rawQuerySuffix = String(repeating: "&x=1", count: count)
        return options
    }

    @Test func fifteenThousandDuplicateParametersAreRefusedAtTheLimit() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await SignedClient(server: server).send(.GET, Self.shops, options: Self.duplicates(15_000))
            #expect(answer.status == 400)
            #expect(answer.code == 98001004)
            #expect(
                try answer.envelope.message
                    == "Parameter query is invalid. Reason: the query has more than 1000 parameters. Expected: at most 1000 parameters"
            )
            #expect(try await server.journal.entries().first?.responseCode == 98001004)
        }
    }

    @Test func duplicateParametersBelowARaisedLimitAreJudgedOnTheirSign() async throws {
        var configuration = ReplayServer.Configuration()
        configuration.requestLimits.queryParameters = 20_000
        try await withReplayServer(scenario: Scenario.default, configuration: configuration) { server in
            let answer = try await SignedClient(server: server).send(.GET, Self.shops, options: Self.duplicates(15_000))
            #expect(answer.code == 106001)
        }
    }

    /// The readings of a repeated name were found by comparing every name with every other
    /// (2.7 s of CPU for 15,000 copies): 200,000 copies would have taken minutes. A dictionary
    /// of counts takes a fraction of a second even on a debug build; the bound is generous.
    @Test func signatureReadingsAreLinearInRepeatedNames() async throws {
        let pairs = Array(repeating: (name: "x", value: "1"), count: 200_000) + [(name: "app_key", value: "k")]
        // Off the cooperative threads, which the other tests' servers need meanwhile.
        let (readings, elapsed) = try await offThePool {
            let started = ContinuousClock.now
            let readings = Gateway.signatureReadings(of: pairs)
            return (readings, ContinuousClock.now - started)
        }
        #expect(readings.count == 3)
        #expect(readings[1].count == 2)
        #expect(readings[1].first { $0.name == "x" }?.value.count == 2 * 200_000 - 1)
        #expect(readings[2].map(\.name) == ["app_key"])
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func aQueryWithoutRepeatedNamesHasOneReading() {
        let pairs = (0..<1_000).map { (name: "p\($0)", value: "\($0)") }
        #expect(Gateway.signatureReadings(of: pairs).count == 1)
    }

    /// The gateway counts a path's segments without splitting it: the count must be the split's,
    /// including the remainder the split keeps whole once it has split as often as it may.
    @Test func segmentsAreCountedAsTheSplitCountsThem() {
        var generator = SeededGenerator(seed: 17)
        let alphabet: [Character] = ["/", "/", "a", "é"]
        var paths = ["", "/", "//", "a", "/a", "a/", "/a/", "//a//b//", "/a//", "/a/b/c/d"]
        for _ in 0..<2_000 {
            paths.append(String((0..<Int(generator.next() % 12)).map { _ in alphabet[Int(generator.next() % 4)] }))
        }
        for path in paths {
            for limit in 1...6 {
                let split = path.utf8.split(separator: UInt8(ascii: "/"), maxSplits: limit - 1, omittingEmptySubsequences: true).count
                #expect(Gateway.segmentCount(path, upTo: limit) == split, "\(path) up to \(limit)")
            }
        }
    }

    static let rawCases: [RawRequestCase] = [
        RawRequestCase(
            name: "101 header fields besides Host",
            request: RawRequestCase.get(shops, headers: (1...100).map { "X-Field-\($0): v\r\n" }.joined()),
            status: 431,
            code: 36009004,
            message: "Invalid request. The request headers exceed the limit of 100 header fields."
        ),
        RawRequestCase(
            name: "33 path segments",
            request: RawRequestCase.get(String(repeating: "/a", count: 33)),
            status: 414,
            code: 36009004,
            message: "Invalid request. The path exceeds the limit of 32 segments."
        ),
        RawRequestCase(
            name: "a path of 2,049 bytes",
            request: RawRequestCase.get("/" + String(repeating: "a", count: 2_048)),
            status: 414,
            code: 36009004,
            message: "Invalid request. The path exceeds the limit of 2048 bytes."
        ),
    ]

    @Test(arguments: Self.rawCases)
    func requestsPastALimitGetAnEnvelope(_ testCase: RawRequestCase) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            try await testCase.expectAnswer(from: server)
        }
    }

    @Test func headerFieldsUpToTheLimitAreServed() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let port = try #require(server.baseURL.port)
            // Connection and 99 more: 100 besides Host, which HTTP/2 and HTTPTypes call the authority.
            let request = RawRequestCase.get(Self.shops, headers: (1...99).map { "X-Field-\($0): v\r\n" }.joined())
            let answer = try await RawHTTP.exchange(request, port: port)
            #expect(RawHTTP.status(of: answer) != 431, "\(answer.prefix(300))")
        }
    }

    @Test func aBodyNestedPastTheLimitIsRefusedBeforeItIsDecoded() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let body = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
            let answer = try await SignedClient(server: server).send(.POST, "/product/202502/products/search", body: body, shopScoped: true)
            #expect(answer.status == 400)
            #expect(answer.code == 36009022)
            #expect(try answer.envelope.message.hasSuffix("It nests deeper than 64 levels."))
        }
    }

    @Test func bracketsInsideStringsDoNotCountAsNesting() {
        let inString = "{\"a\":\"" + String(repeating: "[{", count: 100) + "\\\"\"}"
        #expect(!JSONNesting.exceeds(2, in: Array(inString.utf8)))
        #expect(JSONNesting.exceeds(64, in: Array((String(repeating: "[", count: 65) + String(repeating: "]", count: 65)).utf8)))
        #expect(!JSONNesting.exceeds(64, in: Array((String(repeating: "[", count: 64) + String(repeating: "]", count: 64)).utf8)))
    }
}
