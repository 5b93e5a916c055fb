import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// A large answer served again and again is stored once, by content hash, and read back whole.
@Suite("Large answers stored once")
struct JournalBodyStorageTests {
    @Test func twoCategoryTreesCostOneStoredCopy() async throws {
        try await TemporaryFolder.with("journal-bodies") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            let answers = try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                let client = SignedClient(server: server)
                var answers: [Data] = []
                for _ in 0..<2 {
                    answers.append(try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2"]).body)
                }
                return answers
            }
            #expect(answers[0].count > 50_000)
            #expect(answers[0] != answers[1], "each answer has its own request_id")

            let tamper = try JournalTamper(path: path)
            #expect(try tamper.integer("SELECT COUNT(*) FROM body") == 1)
            #expect(try tamper.integer("SELECT MAX(length(response_body)) FROM request") < 200, "each row keeps only what differs")
            #expect(try tamper.integer("SELECT SUM(length(bytes)) FROM body") < answers[0].count)
            let entries = try await JournalReader(path: path).entries()
            #expect(entries.map(\.responseBody) == answers, "read back byte for byte")
        }
    }

    @Test func aCassetteAnswerIsStoredOnceToo() async throws {
        try await TemporaryFolder.with("journal-bodies") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            let scenario = try Scenario.named("replay-only-gb")
            let answers = try await withReplayServer(scenario: scenario, configuration: .init(journalPath: path)) { server in
                let client = SignedClient(server: server)
                var answers: [Data] = []
                for _ in 0..<3 {
                    answers.append(try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2"]).body)
                }
                return answers
            }
            let entries = try await JournalReader(path: path).entries()
            #expect(entries.map(\.responseBody) == answers)
            #expect(entries.map(\.answeredBy) == [.cassette, .cassette, .cassette])
            #expect(answers[0].count > 1024)
            #expect(try JournalTamper(path: path).integer("SELECT COUNT(*) FROM body") == 1)
        }
    }

    @Test func aPolledSearchPageIsStoredOnceUntilAProductChanges() async throws {
        try await TemporaryFolder.with("journal-bodies") { folder in
            let path = folder.appendingPathComponent("j.sqlite").path
            let answers = try await withReplayServer(scenario: try .default, configuration: .init(journalPath: path)) { server in
                let fixture = try ListingFixture(server)
                func search() async throws -> Data {
                    try await fixture.client.call(.POST, "/product/202502/products/search", query: ["page_size": "50"], json: [:]).body
                }
                var answers = [try await search(), try await search()]
                // A new product changes the page: it is answered, and stored, anew.
                _ = try await fixture.createProduct(on: try fixture.leaf(.v2), version: .v2, title: "Polled Later")
                answers += [try await search(), try await search()]
                return answers
            }
            #expect(answers[0].count > 1024, "large enough to be stored once")
            #expect(!String(decoding: answers[0], as: UTF8.self).contains("Polled Later"))
            #expect(String(decoding: answers[2], as: UTF8.self).contains("Polled Later"))
            let tamper = try JournalTamper(path: path)
            #expect(try tamper.integer("SELECT COUNT(*) FROM body") == 2, "one page before the change, one after")
            let entries = try await JournalReader(path: path).entries()
            let searches = entries.filter { $0.path == "/product/202502/products/search" }
            #expect(searches.map(\.responseBody) == answers, "read back byte for byte")
        }
    }
}
