import ReplayJournal
import Scenarios
import Testing

/// A recording's redactor follows a bounded number of credentials, as the journal's does: each
/// one followed costs a pass over every value recorded afterwards.
@Suite("Recording redaction: a bounded memory")
struct RecordingRedactionBoundTests {
    static func exchange(token: String, note: String? = nil) -> Cassette.Interaction {
        Cassette.Interaction(
            request: .init(
                method: "GET",
                path: "/authorization/202309/shops",
                query: note.map { ["note": $0] } ?? [:],
                headers: ["x-tts-access-token": token]
            ),
            response: .init(body: .json(.object(["code": .number(0)])))
        )
    }

    @Test func pastItsCapacityANewCredentialIsReplacedWhereItStandsButNotFollowed() {
        var redactor = Redactor(style: .numbered)
        let tokens = (0..<Redactor.defaultCapacity).map { "TOKEN-\(1_000 + $0)" }
        for token in tokens { _ = redactor.redact(Self.exchange(token: token)) }
        let (beyond, _) = redactor.redact(Self.exchange(token: "TOKEN-BEYOND-1"))
        #expect(beyond.request.headers["x-tts-access-token"]?.hasPrefix("<redacted:x-tts-access-token:") == true)

        let (later, _) = redactor.redact(Self.exchange(token: tokens[0], note: "TOKEN-1000 then TOKEN-BEYOND-1"))
        let note = later.request.query["note"] ?? ""
        #expect(!note.contains("TOKEN-1000"), "a credential within the capacity is followed: \(note)")
        #expect(note.contains("TOKEN-BEYOND-1"), "one past it is not: \(note)")
    }

    /// A body of thousands of secrets (a hostile exchange) has each replaced where it stands.
    @Test func anExchangeHoldingThousandsOfSecretsHasEachReplaced() throws {
        let count = 5_000
        var members: [String: JSONValue] = [:]
        for index in 0..<count { members["t\(index)_token"] = .string("SECRET-VALUE-\(100_000 + index)") }
        members["status"] = .string("ACTIVATE")
        let exchange = Cassette.Interaction(
            request: .init(method: "POST", path: "/product/202502/products/search", body: .json(.object(members))),
            response: .init(body: .json(.object(["code": .number(0), "echo": .string("SECRET-VALUE-100000")])))
        )
        var redactor = Redactor(style: .numbered)
        let (redacted, _) = redactor.redact(exchange)
        guard case .json(.object(let body)) = redacted.request.body else {
            Issue.record("the body is no longer a JSON object")
            return
        }
        #expect(body["status"] == .string("ACTIVATE"))
        // Counted, not listed: a failure names how many stayed, not thousands of values.
        let kept = body.count { name, value in name != "status" && !(value.string?.hasPrefix("<redacted:") ?? false) }
        #expect(kept == 0, "secrets kept as they were")
        guard case .json(.object(let answer)) = redacted.response.body else {
            Issue.record("the answer is no longer a JSON object")
            return
        }
        #expect(answer["echo"]?.string?.hasPrefix("<redacted:") == true, "a secret of the exchange, found inside the answer")
    }
}
