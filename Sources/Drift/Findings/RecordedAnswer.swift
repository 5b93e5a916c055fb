package import Scenarios

/// An answer as conform compares it: status, headers, and the JSON body's envelope.
package struct RecordedAnswer: Sendable, Hashable {
    package var status: Int
    /// Header names in lower case.
    package var headers: [String: String]
    /// The JSON body, nil when the body is not JSON.
    package var body: JSONValue?

    package init(status: Int, headers: [String: String], body: JSONValue?) {
        self.status = status
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        self.body = body
    }

    /// The envelope's `code`, when the body has one.
    package var code: Int? { body?["code"]?.number.flatMap { Int(exactly: $0) } }
    /// The envelope's `message`.
    package var message: String? { body?["message"]?.string }

    /// Whether the answer is a success: a 2xx with code 0 (or no code).
    package var succeeded: Bool { (200..<300).contains(status) && (code ?? 0) == 0 }

    /// The status and code in words: `HTTP 200, code 0`.
    package var outcome: String {
        "HTTP \(status), code " + (code.map(String.init) ?? "none")
    }
}

/// A recorded production answer and the simulator's answer to the same request.
package struct ExchangePair: Sendable, Hashable {
    /// Where the recording is: `errors.yaml#3`.
    package var source: String
    package var production: RecordedAnswer
    package var simulator: RecordedAnswer

    package init(source: String, production: RecordedAnswer, simulator: RecordedAnswer) {
        self.source = source
        self.production = production
        self.simulator = simulator
    }
}
