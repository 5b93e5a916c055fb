package import Foundation
package import HTTPTypes
package import Scenarios
import Synchronization

/// The redactor of one server's journal: what a request entry keeps of the query, headers and
/// bodies, with secrets replaced by `<redacted>`, so that a journal can be shared in a bug report.
///
/// The request is redacted whole (``SecretName`` and ``Redactor`` say what counts); the
/// answer's headers too; the answer's body, the fake's own answer built from the scenario,
/// by value only: any credential seen in the session (the scenario's app secret and access
/// tokens from the start, then those clients send) is replaced wherever it appears, which
/// costs one `memchr`-driven pass per credential and keeps a 70 KB answer off a JSON parser.
///
/// Every request is redacted concurrently with others; only learning new credentials takes
/// the lock. At most ``capacity`` credentials are followed through the session.
package final class JournalRedactor: Sendable {
    /// A request entry's parts as the journal keeps them.
    package struct Redacted {
        package var path: String
        package var query: String
        package var headers: [String: String]
        package var body: Data
        package var responseHeaders: [String: String]
        package var responseBody: AnswerBytes
    }

    /// How many credentials are followed through a session, the scenario's included: enough
    /// for any real client; a client sending a new token with every request stops being
    /// followed there (its tokens are still replaced where they stand).
    static let capacity = 64

    /// Whether request and answer bodies are kept as sent (query and headers are redacted all the same).
    let keepsRawBodies: Bool
    private let redactor: Mutex<Redactor>

    package init(scenario: Scenario, keepsRawBodies: Bool) {
        self.keepsRawBodies = keepsRawBodies
        self.redactor = Mutex(
            Redactor(style: .plain, secrets: [scenario.app.secret] + scenario.accessTokens.map(\.value), capacity: Self.capacity)
        )
    }

    /// The parts of a request entry with every secret replaced.
    ///
    /// - Parameter parsedBody: The body as the gateway read it, when it did (it is not read twice).
    package func redact(
        path: String,
        query: String,
        headers: HTTPFields,
        body: [UInt8],
        parsedBody: JSONValue?,
        responseHeaders: HTTPFields,
        responseBody: AnswerBytes
    ) -> Redacted {
        let queryFields = SecretFields.formFields(query, isQuery: true) ?? []
        var found = SecretFields.secrets(in: queryFields.map { (name: $0.name, value: $0.value) })
        found += SecretFields.secrets(in: headers.map { (name: $0.name.canonicalName, value: $0.value) })
        let requestBody = keepsRawBodies ? RequestBody.kept : RequestBody(body, parsed: parsedBody, contentType: headers[.contentType])
        found += requestBody.secrets
        let table = redactor.withLock { $0.table(for: found) }

        return Redacted(
            path: table.replacing(path),
            query: table.isEmpty ? query : SecretFields.replacingForm(query, with: table, isQuery: true) ?? query,
            headers: Self.headers(headers, with: table),
            body: Data(keepsRawBodies ? body : requestBody.replacing(in: body, with: table, hasSecrets: !requestBody.secrets.isEmpty)),
            responseHeaders: Self.headers(responseHeaders, with: table),
            responseBody: keepsRawBodies ? responseBody : Self.answerBody(responseBody, with: table)
        )
    }

    /// Header names lower-cased, repeated headers joined with `, `, secrets replaced.
    private static func headers(_ fields: HTTPFields, with table: SecretTable) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            let value = table.replacing(field.value, underSecretName: SecretName.isSecret(name))
            result[name] = result[name].map { "\($0), \(value)" } ?? value
        }
        return result
    }

    /// An answer body with the session's credentials replaced; as it was, its shared part still
    /// shared (the journal stores it once), when it holds none.
    private static func answerBody(_ body: AnswerBytes, with table: SecretTable) -> AnswerBytes {
        guard table.occurs(in: body.head) || table.occurs(in: body.shared) || table.occurs(in: body.tail) else { return body }
        return AnswerBytes(answerBody(body.joined(), with: table))
    }

    /// Bytes of an answer with the session's credentials replaced; as they were when they hold none.
    private static func answerBody(_ bytes: [UInt8], with table: SecretTable) -> [UInt8] {
        guard table.occurs(in: bytes) else { return bytes }
        return RequestBody(bytes, parsed: nil, contentType: nil).replacing(in: bytes, with: table, hasSecrets: true)
    }

    /// A body read for its secrets: JSON, form-urlencoded, or anything else (bytes).
    private enum RequestBody {
        case kept
        case json(secrets: [Redactor.Found])
        case form(secrets: [Redactor.Found])
        case other

        init(_ bytes: [UInt8], parsed: JSONValue?, contentType: String?) {
            if bytes.isEmpty {
                self = .other
            } else if let value = parsed ?? Self.json(bytes) {
                self = .json(secrets: SecretFields.secrets(in: value))
            } else if let fields = Self.form(bytes, contentType: contentType) {
                self = .form(secrets: SecretFields.secrets(in: fields.map { (name: $0.name, value: $0.value) }))
            } else {
                self = .other
            }
        }

        var secrets: [Redactor.Found] {
            switch self {
            case .json(let secrets), .form(let secrets): secrets
            case .kept, .other: []
            }
        }

        /// The body with the table's secrets replaced: JSON literals, form fields, or bytes.
        package func replacing(in bytes: [UInt8], with table: SecretTable, hasSecrets: Bool) -> [UInt8] {
            guard hasSecrets || table.occurs(in: bytes) else { return bytes }
            switch self {
            case .kept: return bytes
            case .json: return JSONTextRedaction.replacing(in: bytes, with: table) ?? bytes
            case .form:
                return SecretFields.replacingForm(String(decoding: bytes, as: UTF8.self), with: table, isQuery: true).map { Array($0.utf8) } ?? bytes
            case .other:
                var copy = bytes
                return table.replaceInside(&copy) ? copy : bytes
            }
        }

        /// The body as JSON when it is an object or an array.
        private static func json(_ bytes: [UInt8]) -> JSONValue? {
            guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
            else { return nil }
            return try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))
        }

        /// The fields of a form-urlencoded body: so declared, or in that shape.
        private static func form(_ bytes: [UInt8], contentType: String?) -> [(name: String, value: String, range: Range<String.Index>)]? {
            guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
            let declared = contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
            return SecretFields.formFields(text, isQuery: declared)
        }
    }
}
