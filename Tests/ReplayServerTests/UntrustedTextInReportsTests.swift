import ContractJudge
import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a client sent reaches the terminal summary and JUnit XML without its control
/// characters: an escape sequence in a query once erased a line of the summary and wrote a
/// forged one, and made the JUnit file unreadable.
@Suite("Untrusted text in reports")
struct UntrustedTextInReportsTests {
    @Test func controlCharactersAreShownNotSent() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let hostile = "GET /authorization/202309/shops?timestamp=1%1B%5B2K%0DFORGED%0Acontract%E2%80%AE HTTP/1.1\r\nHost: x\r\n\r\n"
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port), sending: hostile)
            #expect(await connection.waitForAnswers(1, within: .seconds(10)))
            await connection.close()
            await server.journal.flush()
            let report = try await Contract.l7.judge(server.journal.reader)
            let summary = report.summary
            #expect(summary.contains("\\u{1B}[2K\\u{D}FORGED\\u{A}contract\\u{202E}"), "\(summary)")
            #expect(!summary.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D || $0.value == 0x202E })
            #expect(!summary.split(separator: "\n").contains { $0.hasPrefix("FORGED") })

            let page = report.html(timeline: try await RunTimeline(journal: server.journal.reader))
            #expect(!page.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x202E }, "the page shows them too")

            let junit = report.junit
            #expect(!junit.unicodeScalars.contains { $0.value == 0x1B })
            let parser = XMLParser(data: Data(junit.utf8))
            #expect(parser.parse(), "JUnit XML does not parse: \(parser.parserError.map { "\($0)" } ?? "")")
        }
    }
}
