/// The file form of one `expect:` rule. Which rule it is follows from its subject key:
/// `calls:` (an operation), `acknowledges:` (a webhook type) or `ends_in:` (a product's state).
struct ExpectationEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, description, severity, calls, query, body, product, times, never, after, before, within, acknowledges
        case atLeast = "at_least"
        case atMost = "at_most"
        case endsIn = "ends_in"
    }

    /// The keys every rule may have.
    private static let commonKeys: Set<CodingKeys> = [.name, .description, .severity]

    /// The keys each kind of rule reads, besides name, description and severity.
    private static let keysOfKind: [CodingKeys: Set<CodingKeys>] = [
        .calls: [.calls, .query, .body, .product, .times, .never, .atLeast, .atMost, .after, .before, .within],
        .acknowledges: [.acknowledges, .product, .within],
        .endsIn: [.endsIn, .product],
    ]

    var expectation: ScenarioExpectation

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .name)
        if name.isEmpty || !name.unicodeScalars.allSatisfy(Self.nameCharacters.contains) {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [CodingKeys.name],
                message: "'\(name)' cannot be part of the id expect.\(name); use letters, digits, - and _ (such as one-task-per-shop)"
            )
        }
        let subjects: [CodingKeys] = [.calls, .acknowledges, .endsIn].filter(container.contains)
        guard subjects.count == 1, let subject = subjects.first else {
            throw decoder.invalidValue("a rule expects one thing: give one of calls, acknowledges or ends_in")
        }
        let allowed = Self.keysOfKind[subject] ?? []
        for key in container.allKeys where !Self.commonKeys.contains(key) && !allowed.contains(key) {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [key],
                message:
                    "\(key.stringValue) does not apply to a rule with \(subject.stringValue); it takes \(allowed.map(\.stringValue).sorted().joined(separator: ", "))"
            )
        }
        let rule: ScenarioExpectation.Rule
        switch subject {
        case .calls: rule = .calls(try Self.calls(container, decoder: decoder))
        case .acknowledges:
            rule = .acknowledges(
                ScenarioExpectation.Acknowledgement(
                    type: try container.decode(WebhookType.self, forKey: .acknowledges),
                    productID: try container.decodeIfPresent(String.self, forKey: .product),
                    within: try Self.positive(container, .within)
                )
            )
        default:
            guard let productID = try container.decodeIfPresent(String.self, forKey: .product) else {
                throw decoder.invalidValue("ends_in is about one product of the scenario: name it with product")
            }
            rule = .endsIn(try container.decode(EndStateEntry.self, forKey: .endsIn).state(of: productID))
        }
        self.expectation = ScenarioExpectation(
            name: name,
            description: try container.decodeIfPresent(String.self, forKey: .description),
            severity: try container.decodeIfPresent(oneOf: ScenarioExpectation.Severity.self, forKey: .severity) ?? .error,
            rule: rule
        )
    }

    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".unicodeScalars)

    private static func calls(_ container: KeyedDecodingContainer<CodingKeys>, decoder: any Decoder) throws -> ScenarioExpectation.Calls {
        func count(_ key: CodingKeys) throws -> Int? {
            let value = try container.decodeIfPresent(Int.self, forKey: key)
            if let value, value < 0 {
                throw InvalidValueError(codingPath: decoder.codingPath + [key], message: "\(key.stringValue) counts calls: 0 or more")
            }
            return value
        }
        var atLeast = try count(.atLeast)
        var atMost = try count(.atMost)
        if let times = try count(.times) {
            if atLeast != nil || atMost != nil { throw decoder.invalidValue("times is an exact count; leave out at_least and at_most") }
            (atLeast, atMost) = (times, times)
        }
        if let never = try container.decodeIfPresent(Bool.self, forKey: .never) {
            guard never else {
                throw InvalidValueError(codingPath: decoder.codingPath + [CodingKeys.never], message: "never: false says nothing; leave it out")
            }
            if atLeast != nil || atMost != nil { throw decoder.invalidValue("never is a count of its own; leave out times, at_least and at_most") }
            (atLeast, atMost) = (0, 0)
        }
        if let atLeast, let atMost, atLeast > atMost { throw decoder.invalidValue("at_least (\(atLeast)) is more than at_most (\(atMost))") }
        let operation = try container.decode(APIOperation.self, forKey: .calls)
        if container.contains(.product), !operation.hasPathParameter(APIOperation.productIDParameter) {
            throw InvalidValueError(
                codingPath: decoder.codingPath + [CodingKeys.product],
                message: "\(operation.id) names no product in its path (\(operation.pathTemplate)); leave out product"
            )
        }
        return ScenarioExpectation.Calls(
            operation: operation,
            query: try container.decodeIfPresent([String: String].self, forKey: .query) ?? [:],
            body: try container.decodeIfPresent([String: JSONValue].self, forKey: .body) ?? [:],
            productID: try container.decodeIfPresent(String.self, forKey: .product),
            atLeast: atLeast,
            atMost: atMost,
            after: try container.decodeIfPresent(AnchorEntry.self, forKey: .after)?.anchor,
            before: try container.decodeIfPresent(AnchorEntry.self, forKey: .before)?.anchor,
            within: try positive(container, .within)
        )
    }

    private static func positive(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> HumanDuration? {
        let value = try container.decodeIfPresent(HumanDuration.self, forKey: key)
        if let value, value.milliseconds <= 0 {
            throw InvalidValueError(
                codingPath: container.codingPath + [key],
                message: "\(key.stringValue) is a span of scenario time, such as 30m; it must be positive"
            )
        }
        return value
    }
}

/// `after:` and `before:`: a shop event kind or an ISO 8601 instant as a plain value, or a
/// mapping with one of `event`, `webhook` or `time`, and a `product` for the first two.
struct AnchorEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case event, webhook, time, product
    }

    var anchor: ScenarioExpectation.Anchor

    init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            if let date = ScenarioInstant.parse(text) {
                self.anchor = .time(date)
            } else {
                self.anchor = .event(try Self.kind(text, at: decoder.codingPath), productID: nil)
            }
            return
        }
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let given: [CodingKeys] = [.event, .webhook, .time].filter(container.contains)
        guard given.count == 1, let which = given.first else {
            throw decoder.invalidValue("an anchor is one of event, webhook or time (such as {event: upgrade_task.finished})")
        }
        let productID = try container.decodeIfPresent(String.self, forKey: .product)
        switch which {
        case .event:
            let text = try container.decode(String.self, forKey: .event)
            self.anchor = .event(try Self.kind(text, at: container.codingPath + [CodingKeys.event]), productID: productID)
        case .webhook:
            self.anchor = .webhook(try container.decode(WebhookType.self, forKey: .webhook), productID: productID)
        default:
            if productID != nil {
                throw InvalidValueError(
                    codingPath: container.codingPath + [CodingKeys.product],
                    message: "an instant is not about a product; leave out product"
                )
            }
            self.anchor = .time(try container.decode(DecodedInstant.self, forKey: .time).date)
        }
    }

    private static func kind(_ text: String, at codingPath: [any CodingKey]) throws -> ShopEventKind {
        guard let kind = ShopEventKind.all.first(where: { $0.rawValue == text }) else {
            throw InvalidValueError(
                codingPath: codingPath,
                message: ClosedNames.message(for: text, what: "a shop event kind or an ISO 8601 instant", among: ShopEventKind.all.map(\.rawValue))
            )
        }
        return kind
    }
}

/// `ends_in:`: the category, tree and status a product ends the run with (at least one).
struct EndStateEntry: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case status
        case categoryID = "category_id"
        case categoryVersion = "category_version"
    }

    var categoryID: String?
    var categoryVersion: CategoryVersion?
    var status: Product.Status?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.categoryID = try container.decodeIfPresent(String.self, forKey: .categoryID)
        self.categoryVersion = try container.decodeIfPresent(oneOf: CategoryVersion.self, forKey: .categoryVersion)
        self.status = try container.decodeIfPresent(oneOf: Product.Status.self, forKey: .status)
        if categoryID == nil && categoryVersion == nil && status == nil {
            throw decoder.invalidValue("ends_in names the end state: category_id, category_version or status")
        }
    }

    func state(of productID: String) -> ScenarioExpectation.EndState {
        ScenarioExpectation.EndState(productID: productID, categoryID: categoryID, categoryVersion: categoryVersion, status: status)
    }
}
