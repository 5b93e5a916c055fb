import AsyncHTTPClient
import ContractJudge
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// `GET /__admin/`: the HTML report of the run so far, which polls a cursor and reloads as the
/// journal grows.
@Suite("Live dashboard")
struct DashboardTests {
    static func page(_ server: ReplayServer) async throws -> (status: Int, type: String?, text: String) {
        let request = HTTPClientRequest(url: server.adminURL.absoluteString + "/")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 26)
        return (Int(response.status.code), response.headers.first(name: "content-type"), String(buffer: body))
    }

    @Test func theDashboardShowsTheRunSoFarAndPollsACursorThatMovesWithTheJournal() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let empty = try await Self.page(server)
            #expect(empty.status == 200)
            #expect(empty.type?.hasPrefix("text/html") == true)
            #expect(empty.text.contains("connect-src 'self'"), "the page may poll its own server, nothing else")
            #expect(empty.text.contains("/__admin/changes?after="))
            let admin = AdminClient(server: server)
            let before = try #require(try await admin.call(.GET, "/changes").json["cursor"]?.number)

            _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
            await server.journal.flush()
            let after = try #require(try await admin.call(.GET, "/changes").json["cursor"]?.number)
            #expect(after > before)
            let page = try await Self.page(server)
            #expect(page.text.contains("l7.v2-on-listing"))
            #expect(page.text.contains("get_categories sent category_version=v1"))
            #expect(page.text.contains("const cursor = \(Int(after))"))
        }
    }

    @Test func aReportFileHasNoPollAndFetchesNothing() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let html = try await Contract.l7.judge(server.journal.reader).html(timeline: try await RunTimeline(journal: server.journal.reader))
            #expect(html.contains("default-src 'none'") && !html.contains("connect-src"))
            #expect(!html.contains("fetch("))
        }
    }
}
