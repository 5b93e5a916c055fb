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

    /// Reads every member through a checked container, so that one pass reports every problem
    /// of the rule; a rule with a problem decodes as nil (see ``Checked``), never as the
    /// placeholders put in place of its bad members.
    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        let name = try container.required(String.self, forKey: .name) ?? ""
        if container.contains(.name), name.isEmpty || !name.unicodeScalars.allSatisfy(Self.nameCharacters.contains) {
            try decoder.reject(
                "'\(name)' cannot be part of the id expect.\(name); use letters, digits, - and _ (such as one-task-per-shop)",
                at: CodingKeys.name
            )
        }
        let subjects: [CodingKeys] = [.calls, .acknowledges, .endsIn].filter(container.contains)
        let subject = subjects.count == 1 ? subjects.first : nil
        if let subject {
            let allowed = Self.keysOfKind[subject] ?? []
            for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue })
            where !Self.commonKeys.contains(key) && !allowed.contains(key) {
                try decoder.reject(
                    "\(key.stringValue) does not apply to a rule with \(subject.stringValue); it takes \(allowed.map(\.stringValue).sorted().joined(separator: ", "))",
                    at: key
                )
            }
        } else {
            try decoder.reject("a rule expects one thing: give one of calls, acknowledges or ends_in")
        }
        let description = try container.optional(String.self, forKey: .description)
        let severity = try container.optional(oneOf: ScenarioExpectation.Severity.self, forKey: .severity) ?? .error
        let rule: ScenarioExpectation.Rule
        switch subject {
        case .calls?: rule = .calls(try Self.calls(container, decoder: decoder))
        case .acknowledges?:
            rule = .acknowledges(
                ScenarioExpectation.Acknowledgement(
                    type: try container.required(WebhookType.self, forKey: .acknowledges) ?? .productCategoryChange,
                    productID: try container.optional(String.self, forKey: .product),
                    within: try Self.positive(container, .within, decoder: decoder)
                )
            )
        default:
            let productID = try container.optional(String.self, forKey: .product)
            if subject == .endsIn, !container.contains(.product) {
                try decoder.reject("ends_in is about one product of the scenario: name it with product")
            }
            let end = subject == .endsIn ? try container.required(EndStateEntry.self, forKey: .endsIn) : nil
            rule = .endsIn((end ?? EndStateEntry()).state(of: productID ?? ""))
        }
        self.expectation = ScenarioExpectation(name: name, description: description, severity: severity, rule: rule)
    }

    private static let nameCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".unicodeScalars)

    private static func calls(_ container: CheckedContainer<CodingKeys>, decoder: any Decoder) throws -> ScenarioExpectation.Calls {
        func count(_ key: CodingKeys) throws -> Int? {
            let value = try container.optional(Int.self, forKey: key)
            if let value, value < 0 {
                try decoder.reject("\(key.stringValue) counts calls: 0 or more", at: key)
            }
            return value
        }
        var atLeast = try count(.atLeast)
        var atMost = try count(.atMost)
        if let times = try count(.times) {
            if atLeast != nil || atMost != nil { try decoder.reject("times is an exact count; leave out at_least and at_most") }
            (atLeast, atMost) = (times, times)
        }
        if let never = try container.optional(Bool.self, forKey: .never) {
            if !never { try decoder.reject("never: false says nothing; leave it out", at: CodingKeys.never) }
            if atLeast != nil || atMost != nil { try decoder.reject("never is a count of its own; leave out times, at_least and at_most") }
            (atLeast, atMost) = (0, 0)
        }
        if let atLeast, let atMost, atLeast > atMost { try decoder.reject("at_least (\(atLeast)) is more than at_most (\(atMost))") }
        let operation = try container.required(APIOperation.self, forKey: .calls)
        if let operation, container.contains(.product), !operation.hasPathParameter(APIOperation.productIDParameter) {
            try decoder.reject("\(operation.id) names no product in its path (\(operation.pathTemplate)); leave out product", at: CodingKeys.product)
        }
        return ScenarioExpectation.Calls(
            operation: operation ?? .getAuthorizedShops,
            query: try container.optional([String: String].self, forKey: .query) ?? [:],
            body: try container.optional(JSONValue.Members.self, forKey: .body)?.members ?? [:],
            productID: try container.optional(String.self, forKey: .product),
            atLeast: atLeast,
            atMost: atMost,
            after: try container.optional(AnchorEntry.self, forKey: .after)?.anchor,
            before: try container.optional(AnchorEntry.self, forKey: .before)?.anchor,
            within: try positive(container, .within, decoder: decoder)
        )
    }

    private static func positive(_ container: CheckedContainer<CodingKeys>, _ key: CodingKeys, decoder: any Decoder) throws -> HumanDuration? {
        let value = try container.optional(HumanDuration.self, forKey: key)
        if let value, value.milliseconds <= 0 {
            try decoder.reject("\(key.stringValue) is a span of scenario time, such as 30m; it must be positive", at: key)
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

    /// No end state: the placeholder of a rule whose `ends_in` did not fit.
    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.categoryID = try container.optional(String.self, forKey: .categoryID)
        self.categoryVersion = try container.optional(oneOf: CategoryVersion.self, forKey: .categoryVersion)
        self.status = try container.optional(oneOf: Product.Status.self, forKey: .status)
        if container.allKeys.isEmpty {
            try decoder.reject("ends_in names the end state: category_id, category_version or status")
        }
    }

    func state(of productID: String) -> ScenarioExpectation.EndState {
        ScenarioExpectation.EndState(productID: productID, categoryID: categoryID, categoryVersion: categoryVersion, status: status)
    }
}
