/// One recorded interaction read for derivation: the operation it was, its answer's envelope,
/// and where it came from.
struct RecordedExchange {
    /// The interaction as recorded.
    let interaction: Cassette.Interaction
    /// Where it came from.
    let provenance: Provenance
    /// The operation of the table, or nil for a route the table does not know (or a method or
    /// version it does not have).
    let operation: APIOperation?
    /// The values of the operation's path placeholders.
    let pathParameters: [String: String]

    init(_ interaction: Cassette.Interaction, position: Int, cassette: String, router: OperationRouter) {
        self.interaction = interaction
        let request = interaction.request
        if case .operation(let operation, let parameters) = router.match(method: request.method.uppercased(), path: request.path) {
            self.operation = operation
            self.pathParameters = parameters
        } else {
            self.operation = nil
            self.pathParameters = [:]
        }
        self.provenance = Provenance(
            cassette: cassette,
            interaction: position,
            operation: operation?.id ?? "\(request.method.uppercased()) \(request.path)"
        )
    }

    /// The answer's JSON body, when it is a JSON object.
    var envelope: JSONValue? {
        guard case .json(let value) = interaction.response.body, value.object != nil else { return nil }
        return value
    }

    /// The envelope's `code` (a number, or numeric text); nil when the answer is not an envelope.
    var code: Int? {
        switch envelope?["code"] {
        case .number(let number)? where number.rounded() == number && abs(number) < 9e15: Int(number)
        case .string(let text)?: Int(text)
        default: nil
        }
    }

    /// The envelope's `data` of a successful answer (HTTP 2xx, code 0); nil otherwise.
    var successData: JSONValue? {
        guard (200..<300).contains(interaction.response.status), code == 0 else { return nil }
        return envelope?["data"]
    }

    /// The `shop_cipher` the request named; nil when absent or redacted.
    var shopCipher: String? {
        interaction.request.query["shop_cipher"].flatMap { $0.isEmpty || RecordedText.isRedacted($0) ? nil : $0 }
    }

    /// A member of the request's JSON body.
    func bodyField(_ name: String) -> JSONValue? {
        guard case .json(let body) = interaction.request.body else { return nil }
        return body[name]
    }

    /// The `category_version` the request named where its operation takes it: `.some(nil)` when
    /// the operation takes one and the request left it out (or wrote something else), nil when
    /// the operation takes none.
    var requestedCategoryVersion: CategoryVersion?? {
        guard let operation else { return nil }
        switch operation.categoryVersion {
        case .none: return nil
        case .query: return .some(interaction.request.query["category_version"].flatMap(CategoryVersion.init(parsing:)))
        case .body: return .some(bodyField("category_version")?.string.flatMap(CategoryVersion.init(parsing:)))
        }
    }
}
