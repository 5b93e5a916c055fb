import Foundation
import HTTPTypes
public import Scenarios

/// The journal's redaction without a server, for the benchmarks in `Benchmarks/`: the same
/// code the journal's writer runs on every request (query and form bodies read on their bytes,
/// headers, JSON bodies, the answer searched for the session's credentials). Not part of the
/// public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public struct JournalRedactionProbe: Sendable {
    private let redactor: JournalRedactor
    private let request: ArrivedRequest

    /// A redactor for a scenario and one request as a client sends it, secrets in it.
    ///
    /// - Parameters:
    ///   - rawQuery: The query as sent, its `sign` included.
    ///   - accessToken: The `x-tts-access-token` header.
    ///   - answer: The answer's body, shared (as a cassette's recorded answer is).
    public init(
        scenario: Scenario,
        method: String,
        path: String,
        rawQuery: String,
        accessToken: String,
        contentType: String?,
        body: [UInt8],
        answer: [UInt8]
    ) {
        self.redactor = JournalRedactor(scenario: scenario, keepsRawBodies: false)
        var headers: HTTPFields = [
            HTTPField.Name("host")!: "127.0.0.1", .userAgent: "wrk", HTTPField.Name(RequestParameter.accessTokenHeader)!: accessToken,
        ]
        if let contentType { headers[.contentType] = contentType }
        self.request = ArrivedRequest(
            entry: JournalEntry(
                id: 1,
                requestID: "20261102090000",
                wallTime: 0,
                scenarioTime: 0,
                method: method,
                path: "",
                query: "",
                headers: [:],
                body: Data(),
                operation: nil,
                shopCipher: nil,
                answeredBy: .cassette,
                failedChecks: [],
                responseStatus: 200,
                responseCode: 0,
                responseHeaders: [:],
                responseBody: Data(),
                durationMicroseconds: 0
            ),
            path: path,
            query: rawQuery,
            headers: headers,
            body: body,
            // The server hands over the body the gateway parsed; parsing is not redaction's cost.
            responseHeaders: [.contentType: "application/json"],
            answer: .shared(answer)
        )
    }

    /// Redacts the request once; the redacted query, for a check that the sign is gone.
    public func redact() -> String {
        redactor.redact(request).entry.query
    }
}
