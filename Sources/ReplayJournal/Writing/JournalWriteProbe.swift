import Foundation
import Logging
import Scenarios
import Synchronization

/// The journal's batched writer without a server, for the benchmarks in `Benchmarks/`: entries
/// shaped like a replayed request's, queued and written to a real SQLite file by the same
/// writer the server uses. Not part of the public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public final class JournalWriteProbe: Sendable {
    private let journal: Journal
    private let written = Atomic<Int64>(0)

    /// Opens (creating) a journal file.
    public init(path: String) throws {
        self.journal = try Journal(
            path: path,
            scenario: "benchmark",
            runInfo: [:],
            existing: .refuse,
            durability: .answerBeforeCommit,
            queueLimit: JournalQueueLimit(),
            logger: Logger(label: "tts-replay.benchmark"),
            removesFileOnClose: false
        )
    }

    /// Queues `count` entries and waits until they are on disk.
    public func write(_ count: Int) async {
        let first = written.wrappingAdd(Int64(count), ordering: .relaxed).oldValue
        for id in first + 1...first + Int64(count) {
            journal.record(.request(Self.entry(id: id)))
        }
        await journal.flush()
    }

    /// Closes the journal.
    public func close() async {
        await journal.close()
    }

    /// Entries on disk so far.
    public func count() async throws -> Int {
        try await journal.reader.count()
    }

    private static let body = Data(
        #"{"code":0,"message":"Success","request_id":"202611020900004D299F0370E6186B0001","data":{"shops":[{"cipher":"GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3","id":"7495540735365777507"}]}}"#
            .utf8
    )

    private static func entry(id: Int64) -> JournalEntry {
        JournalEntry(
            id: id,
            requestID: "20261102090000\(id)",
            wallTime: Date().timeIntervalSince1970,
            scenarioTime: 1_793_610_000,
            method: "GET",
            path: APIOperation.getAuthorizedShops.pathTemplate,
            query: "app_key=6a1c2e9f3b7d&sign=<redacted>&timestamp=1793610000",
            headers: ["host": "127.0.0.1", RequestParameter.accessTokenHeader: "<redacted>", "user-agent": "wrk"],
            body: Data(),
            operation: APIOperation.getAuthorizedShops.id,
            shopCipher: nil,
            answeredBy: .cassette,
            answeredFrom: "shops.yaml#1",
            failedChecks: [],
            responseStatus: 200,
            responseCode: 0,
            responseHeaders: ["content-type": "application/json"],
            responseBody: body,
            durationMicroseconds: 120
        )
    }
}
