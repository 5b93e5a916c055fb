// The facts a scenario's expectations name are stored by their ids in the journal's run
// information, and read back with the same checks as in a scenario file.

extension APIOperation: Codable {
    /// Decodes an operation id of the table, with a "did you mean" for a misspelt one.
    public init(from decoder: any Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let operation = APIOperation.named(id) else {
            throw decoder.invalidValue(ClosedNames.message(for: id, what: "an operation id", among: APIOperation.all.map(\.id)))
        }
        self = operation
    }

    /// Encodes the operation's id.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

extension WebhookType: Codable {
    /// Decodes an event type's registration name, with a "did you mean" for a misspelt one.
    public init(from decoder: any Decoder) throws {
        let name = try decoder.singleValueContainer().decode(String.self)
        guard let type = WebhookType.named(name) else {
            throw decoder.invalidValue(ClosedNames.message(for: name, what: "a webhook type", among: WebhookType.all.map(\.name)))
        }
        self = type
    }

    /// Encodes the registration name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

extension HumanDuration: Encodable {
    /// Encodes the human form, such as `1h30m`, which decodes back to the same span.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Product.Status: Codable {}

/// The message for a name outside a closed set of the facts table.
enum ClosedNames {
    static func message(for name: String, what: String, among names: [String]) -> String {
        var message = "'\(name)' is not \(what)"
        if let suggestion = DidYouMean.suggestion(for: name, among: names) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; expected one of: \(names.joined(separator: ", "))"
        }
        return message
    }
}
