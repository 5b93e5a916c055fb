// The facts a scenario's expectations name are stored by their ids in the journal's run
// information, and read back with the same checks as in a scenario file.

extension APIOperation: Codable {
    /// Decodes an operation id of the table, with a "did you mean" for a misspelt one.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeFact(APIOperation.named, what: "an operation id", among: APIOperation.all.map(\.id))
    }

    /// Encodes the operation's id.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeName(id)
    }
}

extension WebhookType: Codable {
    /// Decodes an event type's registration name, with a "did you mean" for a misspelt one.
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeFact(WebhookType.named, what: "a webhook type", among: WebhookType.all.map(\.name))
    }

    /// Encodes the registration name.
    public func encode(to encoder: any Encoder) throws {
        try encoder.encodeName(name)
    }
}

extension Decoder {
    /// Decodes the name of one value of a closed set of the facts table.
    ///
    /// - Throws: An ``InvalidValueError`` with a "did you mean" when the set has no such name.
    func decodeFact<Fact>(_ named: (String) -> Fact?, what: String, among names: [String]) throws -> Fact {
        let name = try singleValueContainer().decode(String.self)
        guard let fact = named(name) else {
            throw invalidValue(ClosedNames.message(for: name, what: what, among: names))
        }
        return fact
    }
}

extension Encoder {
    /// Encodes a fact by its name, as files and the journal write it.
    func encodeName(_ name: String) throws {
        var container = singleValueContainer()
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
