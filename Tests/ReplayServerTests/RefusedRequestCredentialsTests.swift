import ContractJudge
import Foundation
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A request refused for its path, method or query still has its credentials judged: a client
/// that never signs, sends no token and no cipher, and only hits such errors, once PASSED.
@Suite("Credentials of requests refused for something else")
struct CredentialsOfRefusedRequestsTests {
    @Test func aClientThatNeverSignsFailsTheTransportClausesWhateverElseWasWrong() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let unsigned = [
                "GET /product/202309/categories?note=%FF HTTP/1.1\r\nHost: x\r\n\r\n",  // a query that cannot be read
                "GET /product/202309/nothing_here HTTP/1.1\r\nHost: x\r\n\r\n",  // a path that does not exist
                "DELETE /product/202309/categories HTTP/1.1\r\nHost: x\r\n\r\n",  // a wrong method
            ]
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port), sending: unsigned.joined())
            #expect(await connection.waitForAnswers(3, within: .seconds(10)))
            await connection.close()
            await server.journal.flush()
            let entries = try await server.journal.entries()
            #expect(entries.map(\.responseCode) == [98_001_004, 36_009_009, 36_009_010], "the first problem still answers")
            for entry in entries {
                #expect(Set(entry.failedChecks.map(\.check)).isSuperset(of: [.appKey, .timestamp, .sign, .accessToken]), "\(entry.failedChecks)")
            }
            let report = try await Contract.l7.judge(server.journal.reader)
            #expect(!report.passed)
            for clause in ["l7.signed-and-fresh", "l7.token-in-header"] {
                #expect(report.result(clause)?.violations.count == 3, "\(clause): \(report.summary)")
            }
        }
    }
}
