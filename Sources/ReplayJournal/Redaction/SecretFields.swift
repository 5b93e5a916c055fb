import Foundation
package import Scenarios

/// Where secrets are found and replaced: query parameters, headers, JSON values, form bodies
/// and URL userinfo. Finding reads the names (``SecretName``); replacing then applies a
/// ``SecretTable`` to every value, so a value equal to a secret found elsewhere goes too.
package enum SecretFields {
    // MARK: - Finding

    /// The values of name/value pairs (query parameters, headers, form fields) whose name holds a secret.
    static func secrets(in pairs: some Sequence<(name: String, value: String)>) -> [Redactor.Found] {
        pairs.filter { !$0.value.isEmpty && SecretName.isSecret($0.name) }.map { Redactor.Found(value: $0.value, name: $0.name) }
    }

    /// Every string and number under a member whose name holds a secret, at any depth.
    static func secrets(in value: JSONValue) -> [Redactor.Found] {
        var found: [Redactor.Found] = []
        collect(value, secretName: nil, into: &found)
        return found
    }

    private static func collect(_ value: JSONValue, secretName: String?, into found: inout [Redactor.Found]) {
        switch value {
        case .string(let text): if let secretName, !text.isEmpty { found.append(.init(value: text, name: secretName)) }
        case .number(let number): if let secretName { found.append(.init(value: text(number), name: secretName)) }
        case .array(let elements): for element in elements { collect(element, secretName: secretName, into: &found) }
        case .object(let members):
            for (name, member) in members { collect(member, secretName: secretName ?? (SecretName.isSecret(name) ? name : nil), into: &found) }
        case .bool, .null: break
        }
    }

    /// A JSON number as text, as the journal and cassettes write it.
    static func text(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 9e15 ? String(Int64(number)) : String(number)
    }

    // MARK: - Replacing

    /// The JSON value with every secret replaced: strings through the table, and numbers under
    /// a secret name by their placeholder.
    package static func replacing(_ value: JSONValue, with table: SecretTable, underSecret: Bool = false) -> JSONValue {
        switch value {
        case .string(let text): .string(table.replacing(text, underSecretName: underSecret))
        case .number(let number) where underSecret: table.placeholder(standing: text(number)).map(JSONValue.string) ?? value
        case .array(let elements): .array(elements.map { replacing($0, with: table, underSecret: underSecret) })
        case .object(let members):
            .object(
                Dictionary(
                    uniqueKeysWithValues: members.map { name, member in
                        (name, replacing(member, with: table, underSecret: underSecret || SecretName.isSecret(name)))
                    }
                )
            )
        case .number, .bool, .null: value
        }
    }

    /// Name/value pairs (query parameters, headers) with every secret replaced.
    package static func replacing(_ pairs: [String: String], with table: SecretTable) -> [String: String] {
        Dictionary(uniqueKeysWithValues: pairs.map { ($0.key, table.replacing($0.value, underSecretName: SecretName.isSecret($0.key))) })
    }

    // MARK: - Forms and raw queries

    /// The fields of a form-urlencoded text (`a=1&b=2`), decoded, with each field's range in
    /// the text; nil when the text is not in that shape (``EncodedForm`` reads it).
    ///
    /// - Parameter isQuery: Read a raw query: any text is one, a field without `=` has an empty value.
    package static func formFields(_ text: String, isQuery: Bool = false) -> [(name: String, value: String, range: Range<String.Index>)]? {
        guard let form = EncodedForm(text, isQuery: isQuery) else { return nil }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return form.fields.map { ($0.name, $0.value, index($0.range.lowerBound)..<index($0.range.upperBound)) }
    }

    /// A form-urlencoded text (or a raw query) with each field whose decoded value holds a
    /// secret rewritten `name=<placeholder>`, the rest kept byte for byte; nil when it is not a form.
    static func replacingForm(_ text: String, with table: SecretTable, isQuery: Bool = false) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            guard let form = EncodedForm(bytes, isQuery: isQuery) else { return nil }
            guard let replaced = form.replacing(in: bytes, with: table, isSecretField: { SecretName.isSecret(form.fields[$0].name) }) else {
                return String(decoding: bytes, as: UTF8.self)
            }
            return String(decoding: replaced, as: UTF8.self)
        }
    }

    /// Percent-decoded, with `+` as a space; the text as written when it is not valid percent-encoding.
    private static func decoded(_ text: Substring) -> String {
        var text = text
        return text.withUTF8 { EncodedForm.decoded($0) }
    }

    // MARK: - URLs

    /// The URL with the password of its userinfo replaced by `<redacted>`
    /// (`https://user:<redacted>@host/`), for printing and for the cassette.
    package static func withoutPassword(_ url: String) -> String {
        guard let range = passwordRange(in: url) else { return url }
        return url.replacingCharacters(in: range, with: Redactor.plainPlaceholder)
    }

    /// The password of a URL's userinfo, decoded; nil when it has none.
    package static func password(in url: String) -> String? {
        passwordRange(in: url).map { decoded(url[$0]) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private static func passwordRange(in url: String) -> Range<String.Index>? {
        guard let scheme = url.range(of: "://") else { return nil }
        let authority = url[scheme.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return nil }
        return url.index(after: colon)..<at
    }
}
