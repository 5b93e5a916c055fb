import Foundation
import HTTPTypes
import Logging
import Scenarios
import Synchronization

/// The journal's batched writer without a server, for the benchmarks in `Benchmarks/`: entries
/// shaped like a replayed request's, secrets still in them, queued, redacted and written to a
/// real SQLite file by the same writer the server uses. Not part of the public API (`@_spi(Benchmarks)`).
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
            redactor: JournalRedactor(secrets: Self.secrets, keepsRawBodies: false),
            removesFileOnClose: false
        )
    }

    /// Queues `count` entries and waits until they are on disk.
    public func write(_ count: Int) async {
        let first = written.wrappingAdd(Int64(count), ordering: .relaxed).oldValue
        for id in first + 1...first + Int64(count) {
            journal.recordWithoutWaiting(Self.request(id: id))
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

    /// The default scenario's app secret and access token, which the redactor knows from the start.
    private static let secrets = ["5f0e8d2c9a4b7e1f3c6d", "TTP_replay_6a1c2e9f3b7d"]

    private static let body = Array(
        #"{"code":0,"message":"Success","request_id":"202611020900004D299F0370E6186B0001","data":{"shops":[{"cipher":"GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3","id":"7495540735365777507"}]}}"#
            .utf8
    )

    /// A replayed request as the handler hands it over: secrets (the sign, the token) still in it.
    private static func request(id: Int64) -> ArrivedRequest {
        ArrivedRequest(
            entry: JournalEntry(
                id: id,
                requestID: "20261102090000\(id)",
                wallTime: Date().timeIntervalSince1970,
                scenarioTime: 1_793_610_000,
                method: "GET",
                path: "",
                query: "",
                headers: [:],
                body: Data(),
                operation: APIOperation.getAuthorizedShops.id,
                shopCipher: nil,
                answeredBy: .cassette,
                answeredFrom: "shops.yaml#1",
                failedChecks: [],
                responseStatus: 200,
                responseCode: 0,
                responseHeaders: [:],
                responseBody: Data(),
                durationMicroseconds: 120
            ),
            path: APIOperation.getAuthorizedShops.pathTemplate,
            query: "app_key=6a1c2e9f3b7d&sign=3c1f0a9e5b7d2c4e6f8a0b1c3d5e7f9a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e&timestamp=1793610000",
            headers: [HTTPField.Name("host")!: "127.0.0.1", HTTPField.Name(RequestParameter.accessTokenHeader)!: secrets[1], .userAgent: "wrk"],
            body: [],
            responseHeaders: [.contentType: "application/json"],
            answer: .shared(body)
        )
    }
}
