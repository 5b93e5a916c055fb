import Foundation
import HTTPTypes
package import Scenarios
import Synchronization

/// The redactor of one server's journal: what a request entry keeps of the query, headers and
/// bodies, with secrets replaced by `<redacted>`, so that a journal can be shared in a bug report.
///
/// The request is redacted whole (``SecretName`` and ``Redactor`` say what counts); the
/// answer's headers too; the answer's body, the fake's own answer built from the scenario,
/// by value only: any credential seen in the session (the scenario's app secret and access
/// tokens from the start, then those clients send) is replaced wherever it appears, which
/// costs one `memmem` pass per credential and keeps a 70 KB answer off a JSON parser. A part
/// many answers share (a category tree, a recorded answer) is looked through once per
/// credential, not once per request.
///
/// The journal's writer calls it, off the response path, for each request in arrival order
/// (what "a secret seen earlier" needs). Queries and form bodies are read on their bytes
/// (``EncodedForm``); whether a name holds a secret is remembered for the few names a client
/// uses. At most ``Redactor/defaultCapacity`` credentials are followed through the session,
/// the scenario's included: a client sending a new token with every request stops being
/// followed there (its tokens are still replaced where they stand).
package final class JournalRedactor: Sendable {
    /// How many names' verdicts (secret or not) are remembered; past it they are forgotten
    /// all at once and read again.
    static let namesRemembered = 512

    /// Whether request and answer bodies are kept as sent (query and headers are redacted all the same).
    let keepsRawBodies: Bool

    private struct State {
        var redactor: Redactor
        var names: [String: Bool] = [:]
        /// Shared answer parts (by the identity of their storage, kept alive here), each with how
        /// many of the redactor's followed credentials it was looked through for and did not
        /// hold: a hot 70 KB answer is looked through once per credential, not once per request.
        var cleanShared = SharedPartMemory<Int>(maxEntries: 128, maxBytes: 64 << 20)

        /// Whether a shared answer part holds a secret of the session: a followed credential it
        /// was not yet looked through for, or a secret of the request that is not followed (past
        /// the capacity). The request's signature is not looked for: the part was built before
        /// the request came.
        mutating func occurs(in shared: [UInt8], request found: [Redactor.Found]) -> Bool {
            guard !shared.isEmpty else { return false }
            let followed = redactor.followed
            let checked = cleanShared[shared] ?? 0
            for secret in followed[min(checked, followed.count)...] where SecretTable.firstRange(of: secret, in: shared, from: 0) != nil {
                return true
            }
            if checked < followed.count { cleanShared.remember(followed.count, for: shared) }
            let credentials = redactor.credentials
            // As many of the request's own secrets as its table looks for inside values, at most.
            var searched = 0
            for secret in found where secret.value.utf8.count >= Redactor.shortestFollowed && credentials.placeholder(standing: secret.value) == nil {
                if Redactor.isSignature(secret.name) { continue }
                if searched == SecretTable.maximumLayerInside { break }
                searched += 1
                if SecretTable.firstRange(of: Array(secret.value.utf8), in: shared, from: 0) != nil { return true }
            }
            return false
        }

        /// Whether a value under this name is a secret (``SecretName/isSecret(_:)``), remembered.
        mutating func isSecret(_ name: String) -> Bool {
            if let known = names[name] { return known }
            let secret = SecretName.isSecret(name)
            if names.count >= JournalRedactor.namesRemembered { names.removeAll(keepingCapacity: true) }
            names[name] = secret
            return secret
        }
    }

    private let state: Mutex<State>

    /// A redactor that replaces the scenario's app secret and access tokens from the start.
    package convenience init(scenario: Scenario, keepsRawBodies: Bool) {
        self.init(secrets: [scenario.app.secret] + scenario.accessTokens.map(\.value), keepsRawBodies: keepsRawBodies)
    }

    /// - Parameter secrets: Values replaced wherever they appear from the start.
    package init(secrets: [String], keepsRawBodies: Bool) {
        self.keepsRawBodies = keepsRawBodies
        self.state = Mutex(State(redactor: Redactor(style: .plain, secrets: secrets)))
    }

    /// The request's entry with every secret replaced, ready to write. Requests must come in
    /// arrival order: a credential is followed from the request that first carries it.
    package func redact(_ arrived: ArrivedRequest) -> PendingRequest {
        state.withLock { state in
            var query = arrived.query
            return query.withUTF8 { queryBytes in
                let form = EncodedForm(queryBytes, isQuery: true)
                var found: [Redactor.Found] = []
                // A signed request carries a few: its sign, its token, maybe its app secret.
                found.reserveCapacity(4)
                // Whether each field's name holds a secret, asked once for finding and replacing.
                let queryFields = form?.fields ?? []
                let querySecrets = NameVerdicts(queryFields.lazy.map(\.name)) { state.isSecret($0) }
                for (index, field) in queryFields.enumerated() where !field.value.isEmpty && querySecrets[index] {
                    found.append(Redactor.Found(value: field.value, name: field.name))
                }
                let headerSecrets = NameVerdicts(arrived.headers.lazy.map(\.name.canonicalName)) { state.isSecret($0) }
                for (index, field) in arrived.headers.enumerated() where !field.value.isEmpty && headerSecrets[index] {
                    found.append(Redactor.Found(value: field.value, name: field.name.canonicalName))
                }
                let requestBody =
                    keepsRawBodies
                    ? RequestBody.kept
                    : RequestBody(arrived.body, contentType: arrived.headers.value(of: .contentType))
                found += requestBody.secrets
                let table = state.redactor.table(for: found)

                var entry = arrived.entry
                entry.path = table.replacing(arrived.path)
                // A check's message may quote what was sent ("'…' is not a time").
                if !table.isEmpty {
                    for index in entry.failedChecks.indices {
                        entry.failedChecks[index].message = table.replacing(entry.failedChecks[index].message)
                    }
                }
                entry.query =
                    table.isEmpty
                    ? arrived.query
                    : form?.replacing(in: queryBytes, with: table, isSecretField: { querySecrets[$0] }).map { String(decoding: $0, as: UTF8.self) }
                        ?? arrived.query
                // HeaderColumn asks for the fields' values in their order.
                var header = 0
                let headers = HeaderColumn(arrived.headers) { _, value in
                    defer { header += 1 }
                    return table.replacing(value, underSecretName: headerSecrets[header])
                }
                entry.body = Data(
                    keepsRawBodies ? arrived.body : requestBody.replacing(in: arrived.body, with: table, hasSecrets: !requestBody.secrets.isEmpty)
                )
                let responseHeaders = HeaderColumn(arrived.responseHeaders) { name, value in
                    table.replacing(value, underSecretName: state.isSecret(name))
                }
                var answer = arrived.answer
                if !keepsRawBodies,
                    table.occurs(in: answer.head) || table.occurs(in: answer.tail) || state.occurs(in: answer.shared, request: found)
                {
                    answer = AnswerBytes(Self.answerBody(answer.joined(), with: table))
                }
                return PendingRequest(entry: entry, headers: headers, responseHeaders: responseHeaders, answer: answer)
            }
        }
    }

    /// Whether the names of a request's fields (query parameters, headers) hold secrets, by
    /// position, asked once: up to 64 held as bits, without an allocation.
    private struct NameVerdicts {
        private var bits: UInt64 = 0
        private var beyond: [Bool] = []

        init(_ names: some Sequence<String>, isSecret: (String) -> Bool) {
            for (index, name) in names.enumerated() {
                let secret = isSecret(name)
                if index < 64 {
                    if secret { bits |= 1 << UInt64(index) }
                } else {
                    beyond.append(secret)
                }
            }
        }

        subscript(index: Int) -> Bool {
            index < 64 ? bits & (1 << UInt64(index)) != 0 : beyond[index - 64]
        }
    }

    /// Bytes of an answer with the session's credentials replaced; as they were when they hold none.
    private static func answerBody(_ bytes: [UInt8], with table: SecretTable) -> [UInt8] {
        guard table.occurs(in: bytes) else { return bytes }
        return RequestBody(bytes, contentType: nil).replacing(in: bytes, with: table, hasSecrets: true)
    }

    /// A body read for its secrets: JSON, form-urlencoded, or anything else (bytes).
    private enum RequestBody {
        case kept
        case json(secrets: [Redactor.Found])
        case form(EncodedForm, secrets: [Redactor.Found])
        case other

        init(_ bytes: [UInt8], contentType: String?) {
            if bytes.isEmpty {
                self = .other
            } else if Self.looksLikeJSON(bytes) {
                // Read on the text, not parsed: every copy of a repeated member, and a body the
                // gateway refused as broken JSON, as far as it goes.
                self = .json(secrets: JSONTextRedaction.secrets(in: bytes))
            } else if let form = Self.form(bytes, contentType: contentType) {
                self = .form(form, secrets: SecretFields.secrets(in: form.fields.map { (name: $0.name, value: $0.value) }))
            } else {
                self = .other
            }
        }

        var secrets: [Redactor.Found] {
            switch self {
            case .json(let secrets), .form(_, let secrets): secrets
            case .kept, .other: []
            }
        }

        /// The body with the table's secrets replaced: JSON literals, form fields, or bytes.
        package func replacing(in bytes: [UInt8], with table: SecretTable, hasSecrets: Bool) -> [UInt8] {
            guard hasSecrets || table.occurs(in: bytes) else { return bytes }
            switch self {
            case .kept: return bytes
            case .json:
                // Then the session's credentials wherever they are left: text that is not valid
                // JSON may hold one outside any string (`{"a": <token>}`).
                var replaced = JSONTextRedaction.replacing(in: bytes, with: table) ?? bytes
                _ = table.replaceInside(&replaced)
                return replaced
            case .form(let form, _):
                return bytes.withUnsafeBufferPointer {
                    form.replacing(in: $0, with: table, isSecretField: { SecretName.isSecret(form.fields[$0].name) })
                }
                    ?? bytes
            case .other:
                var copy = bytes
                return table.replaceInside(&copy) ? copy : bytes
            }
        }

        /// Whether the body is meant as a JSON object or array: its first byte past white space
        /// opens one.
        private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
            guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return false }
            return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        }

        /// The fields of a form-urlencoded body: so declared, or in that shape (UTF-8 text).
        private static func form(_ bytes: [UInt8], contentType: String?) -> EncodedForm? {
            guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
            let declared = contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
            return EncodedForm(bytes, isQuery: declared)
        }
    }
}
