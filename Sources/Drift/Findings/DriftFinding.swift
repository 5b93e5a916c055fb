/// One way the simulator's answers differ from the recorded production answers of an operation.
package struct DriftFinding: Sendable, Hashable {
    /// What differs.
    package enum Kind: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The simulator answers a recorded request with another code or HTTP status.
        case errorCode = "error_code"
        /// The simulator does not simulate the operation at all (HTTP 501, 36009003).
        case notSimulated = "not_simulated"
        /// A field holds another JSON type.
        case type
        /// Production sends a number as a string (`"1729..."`) where the simulator sends a number.
        case numberAsString = "number_as_string"
        /// Production sends a number where the simulator sends a string.
        case stringAsNumber = "string_as_number"
        /// Production sends a field the simulator never does: a client that needs it is not tested.
        case missingField = "missing_field"
        /// The simulator sends a field production never did: a client may come to rely on it.
        case extraField = "extra_field"
        /// Production sends enum values the simulator never produces.
        case enumValue = "enum_value"
        /// An array the simulator always sends empty and production never does.
        case alwaysEmptyArray = "always_empty_array"
        /// Production sends a webhook type the simulator never sends.
        case webhookNotSent = "webhook_not_sent"
        /// A header a client may depend on (content type, `Retry-After`) differs.
        case header
        /// The same code comes with another message.
        case message

        /// How much a client passing here could still fail in production because of it.
        package var severity: Severity {
            switch self {
            case .errorCode, .notSimulated, .type, .numberAsString, .stringAsNumber: .breaking
            case .missingField, .extraField, .enumValue, .alwaysEmptyArray, .webhookNotSent: .significant
            case .header, .message: .minor
            }
        }

        package static func < (lhs: Kind, rhs: Kind) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// How serious a difference is, most serious first.
    package enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        /// A client's parsing or error handling meets something else in production.
        case breaking
        /// A client may read or rely on what the other side never sends.
        case significant
        /// Text and headers.
        case minor

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    package var kind: Kind
    /// What differs: a JSON path (`data.products[].id`), a header name, `code` or `message`.
    package var subject: String
    /// What production sent, in words (`string in 12 of 12 answers`).
    package var production: String
    /// What the simulator sent, in words.
    package var simulator: String
    /// Where it was seen: recorded interactions (`products.yaml#3`), at most ``exampleLimit``.
    package var examples: [String]
    /// How many recorded exchanges showed it (1 for shape findings, which are per operation).
    package var count: Int

    /// The most examples kept per finding.
    package static let exampleLimit = 3

    package var severity: Severity { kind.severity }

    package init(kind: Kind, subject: String, production: String, simulator: String, examples: [String] = [], count: Int = 1) {
        self.kind = kind
        self.subject = subject
        self.production = production
        self.simulator = simulator
        self.examples = Array(examples.prefix(Self.exampleLimit))
        self.count = count
    }

    /// Most serious first, then by kind and subject.
    package static func ordered(_ lhs: DriftFinding, _ rhs: DriftFinding) -> Bool {
        (lhs.severity, lhs.kind, lhs.subject, lhs.production) < (rhs.severity, rhs.kind, rhs.subject, rhs.production)
    }
}
