import Foundation
import ReplayServer
import Scenarios
import Testing

/// Nothing a client sends takes the server down; each bad request gets an answer it can read.
@Suite("Robustness")
struct RobustnessTests {
    static let rawCases: [RawRequestCase] = [
        RawRequestCase(
            name: "malformed query string",
            request: RawRequestCase.get("/authorization/202309/shops?&&=&app_key&%zz=1"),
            status: 400,
            code: 98001004
        ),
        RawRequestCase(
            name: "invalid UTF-8 bytes in the path",
            request: Array("GET /product/202309/\u{FF}".utf8).dropLast(2) + [0xFF, 0xFE]
                + Array(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8),
            status: 400,
            code: 36009004
        ),
        RawRequestCase(
            name: "invalid UTF-8 bytes in a header",
            request: Array("GET /authorization/202309/shops HTTP/1.1\r\nHost: x\r\nConnection: close\r\nx-tts-access-token: ".utf8) + [
                0xC3, 0x28, 0xFF,
            ]
                + Array("\r\n\r\n".utf8),
            status: 400,
            code: 36009004
        ),
        RawRequestCase(
            name: "oversized headers",
            request: RawRequestCase.get("/authorization/202309/shops", headers: "X-Padding: \(String(repeating: "a", count: 100_000))\r\n"),
            status: 431,
            code: 36009004
        ),
        RawRequestCase(
            name: "huge headers beyond the parser",
            request: RawRequestCase.get("/authorization/202309/shops", headers: "X-Padding: \(String(repeating: "a", count: 1_100_000))\r\n"),
            status: 400,
            code: 36009004
        ),
        RawRequestCase(name: "not HTTP at all", request: Array("HELLO THERE\r\n\r\n".utf8), status: 400, code: 36009004),
    ]

    @Test(arguments: Self.rawCases)
    func answersAndKeepsServing(_ testCase: RawRequestCase) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            try await testCase.expectAnswer(from: server)
            #expect(try await SignedClient(server: server).listShops().status == 200)
        }
    }
}
