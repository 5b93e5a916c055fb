import Foundation
package import Scenarios

/// Redacting recorded interactions, and reading placeholders back at replay.
///
/// Replay stays symmetric with recording: a query parameter, a JSON body member or a form
/// field whose recorded value holds a placeholder is left out of matching on both sides, so a
/// request carrying any value there (a fresh token, a new sign) matches the redacted recording.
extension Redactor {
    /// Redacts an interaction: its secrets are found first in every part (query, headers and
    /// bodies of request and answer), then replaced everywhere in it.
    ///
    /// - Returns: The redacted interaction and the credentials this interaction taught the
    ///   redactor, which interactions redacted before may hold in ordinary fields (nil when none).
    package mutating func redact(_ interaction: Cassette.Interaction) -> (interaction: Cassette.Interaction, newCredentials: SecretTable?) {
        let request = interaction.request
        let response = interaction.response
        var found = SecretFields.secrets(in: request.query.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        found += SecretFields.secrets(in: request.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        found += Self.secrets(in: request.body)
        found += SecretFields.secrets(in: response.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) })
        found += Self.secrets(in: response.body)

        let before = credentials
        let table = table(for: found)
        var learned = SecretTable()
        for (secret, placeholder) in credentials.standing where before.standing[secret] == nil { learned.add(secret, placeholder: placeholder) }
        return (Self.replacing(interaction, with: table), learned.isEmpty ? nil : learned)
    }

    /// The interaction with the table's secrets replaced in every part.
    package static func replacing(_ interaction: Cassette.Interaction, with table: SecretTable) -> Cassette.Interaction {
        var copy = interaction
        copy.request.path = table.replacing(copy.request.path)
        copy.request.query = SecretFields.replacing(copy.request.query, with: table)
        copy.request.headers = SecretFields.replacing(copy.request.headers, with: table)
        copy.request.body = replacing(copy.request.body, with: table)
        copy.response.headers = SecretFields.replacing(copy.response.headers, with: table)
        copy.response.body = replacing(copy.response.body, with: table)
        return copy
    }

    /// The secrets a body holds under secret names: JSON members, or form fields.
    static func secrets(in body: Cassette.Body) -> [Found] {
        switch body {
        case .none: []
        case .json(let value): SecretFields.secrets(in: value)
        case .text(let raw): SecretFields.formFields(raw).map { SecretFields.secrets(in: $0.map { (name: $0.name, value: $0.value) }) } ?? []
        }
    }

    private static func replacing(_ body: Cassette.Body, with table: SecretTable) -> Cassette.Body {
        switch body {
        case .none: .none
        case .json(let value): .json(SecretFields.replacing(value, with: table))
        case .text(let raw): .text(SecretFields.replacingForm(raw, with: table) ?? table.replacing(raw))
        }
    }

    // MARK: - Placeholders at replay

    /// Whether a recorded value holds a placeholder (`<redacted:...>` or `<redacted>`).
    static func isPlaceholder(_ value: String) -> Bool {
        Cassette.holdsPlaceholder(value)
    }

    /// The highest placeholder number in a text, 0 when it has none.
    package static func highestNumber(in text: String) -> Int {
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

    /// The fields of a recorded request whose value was redacted, as field paths: query
    /// parameters, JSON member paths, and the names of form fields (`body.NAME`).
    package static func redactedFields(of request: Cassette.RecordedRequest) -> [FieldPath] {
        var paths = request.query.filter { isPlaceholder($0.value) }.keys.sorted().compactMap { FieldPath("query.\($0)") }
        switch request.body {
        case .json(let body): paths += placeholderPaths(in: body).compactMap { FieldPath((["body"] + $0).joined(separator: ".")) }
        case .text(let raw):
            paths += (SecretFields.formFields(raw) ?? []).filter { isPlaceholder($0.value) }.compactMap { FieldPath("body.\($0.name)") }
        case .none: break
        }
        return paths
    }

    /// The member paths of a JSON value whose strings hold a placeholder.
    private static func placeholderPaths(in value: JSONValue) -> [[String]] {
        switch value {
        case .string(let text): isPlaceholder(text) ? [[]] : []
        case .object(let members): members.sorted { $0.key < $1.key }.flatMap { name, member in placeholderPaths(in: member).map { [name] + $0 } }
        case .array(let elements): elements.enumerated().flatMap { index, element in placeholderPaths(in: element).map { ["\(index)"] + $0 } }
        default: []
        }
    }
}
