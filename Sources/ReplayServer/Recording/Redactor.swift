import Foundation
import Scenarios

/// Replaces secrets in recorded interactions with stable placeholders such as
/// `<redacted:access_token:1>`: the same secret gets the same placeholder everywhere in a
/// cassette, wherever it appears (query, headers, bodies of requests and responses), so the
/// file still shows which calls shared a token. A redacted request field matches any value
/// at replay.
struct Redactor {
    /// Query parameters that hold secrets or signatures.
    static let secretQuery: Set<String> = ["sign", "access_token", "app_secret", "refresh_token", "auth_code"]
    /// Headers that hold secrets or signatures (webhook signatures travel in `authorization`).
    static let secretHeaders: Set<String> = [
        "x-tts-access-token", "access_token", "authorization", "proxy-authorization", "cookie", "set-cookie",
    ]
    /// JSON members, at any depth, that hold secrets.
    static let secretFields: Set<String> = [
        "access_token", "refresh_token", "app_secret", "secret", "client_secret", "sign", "signature", "password", "auth_code",
    ]
    /// Secrets shorter than this are replaced only where they stand alone, never inside other text.
    static let shortestEmbeddedSecret = 6

    private var placeholders: [String: String] = [:]
    private var counter: Int

    /// - Parameters:
    ///   - secrets: Values to redact wherever they appear, such as the app secret.
    ///   - numberingAfter: The highest placeholder number already in the cassette.
    init(secrets: [String] = [], numberingAfter: Int = 0) {
        self.counter = numberingAfter
        for secret in secrets where !secret.isEmpty { _ = placeholder(for: secret, kind: "secret") }
    }

    /// Whether a recorded value holds a placeholder.
    static func isPlaceholder(_ value: String) -> Bool {
        value.contains("<redacted:")
    }

    /// The highest placeholder number in a text, 0 when it has none.
    static func highestNumber(in text: String) -> Int {
        var highest = 0
        var rest = text[...]
        while let start = rest.range(of: "<redacted:") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            if let number = rest[..<end].split(separator: ":").last.flatMap({ Int($0) }) { highest = max(highest, number) }
            rest = rest[end...]
        }
        return highest
    }

    /// The member paths of a JSON value whose strings hold a placeholder.
    static func placeholderPaths(in value: JSONValue) -> [[String]] {
        switch value {
        case .string(let text): isPlaceholder(text) ? [[]] : []
        case .object(let members): members.sorted { $0.key < $1.key }.flatMap { name, member in placeholderPaths(in: member).map { [name] + $0 } }
        case .array(let elements): elements.enumerated().flatMap { index, element in placeholderPaths(in: element).map { ["\(index)"] + $0 } }
        default: []
        }
    }

    /// The interaction with every secret replaced.
    mutating func redact(_ interaction: Cassette.Interaction) -> Cassette.Interaction {
        var copy = interaction
        // First learn the secrets from the fields that hold them, then replace them everywhere.
        for (name, value) in interaction.request.query where Self.secretQuery.contains(name) { _ = placeholder(for: value, kind: name) }
        for (name, value) in interaction.request.headers.merging(interaction.response.headers, uniquingKeysWith: { $1 })
        where Self.secretHeaders.contains(name) {
            _ = placeholder(for: value, kind: name)
        }
        learn(from: interaction.request.body)
        learn(from: interaction.response.body)

        copy.request.path = replaced(copy.request.path)
        copy.request.query = copy.request.query.mapValues(replaced)
        copy.request.headers = copy.request.headers.mapValues(replaced)
        copy.request.body = replaced(copy.request.body)
        copy.response.headers = copy.response.headers.mapValues(replaced)
        copy.response.body = replaced(copy.response.body)
        return copy
    }

    private mutating func learn(from body: Cassette.Body) {
        guard case .json(let value) = body else { return }
        learn(from: value, name: nil)
    }

    private mutating func learn(from value: JSONValue, name: String?) {
        switch value {
        case .string(let text): if let name, Self.secretFields.contains(name.lowercased()) { _ = placeholder(for: text, kind: name.lowercased()) }
        case .object(let members): for (key, member) in members { learn(from: member, name: key) }
        case .array(let elements): for element in elements { learn(from: element, name: name) }
        default: break
        }
    }

    private mutating func placeholder(for secret: String, kind: String) -> String {
        if let known = placeholders[secret] { return known }
        counter += 1
        let placeholder = "<redacted:\(kind):\(counter)>"
        placeholders[secret] = placeholder
        return placeholder
    }

    private func replaced(_ text: String) -> String {
        if let whole = placeholders[text] { return whole }
        var result = text
        for (secret, placeholder) in placeholders.sorted(by: { $0.key.count > $1.key.count }) where secret.count >= Self.shortestEmbeddedSecret {
            if result.contains(secret) { result = result.replacing(secret, with: placeholder) }
        }
        return result
    }

    private func replaced(_ body: Cassette.Body) -> Cassette.Body {
        switch body {
        case .none: .none
        case .text(let raw): .text(replaced(raw))
        case .json(let value): .json(replaced(value))
        }
    }

    private func replaced(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(replaced(text))
        case .object(let members): .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key, replaced($0.value)) }))
        case .array(let elements): .array(elements.map(replaced))
        default: value
        }
    }
}
