public import Foundation

extension ScenarioExpectation {
    /// `calls:`: an operation called never, at least, at most or exactly N times, counting the
    /// calls that match the filters within the window.
    public struct Calls: Sendable, Hashable, Codable {
        /// The operation.
        public var operation: APIOperation
        /// Query parameters a call must send with these values (compared as text).
        public var query: [String: String]
        /// Top-level JSON body fields a call must send with these values.
        public var body: [String: JSONValue]
        /// The product a call must name in its path (`{product_id}`), if any.
        public var productID: String?
        /// The fewest matching calls allowed (default 1 when no count is given).
        public var atLeast: Int?
        /// The most matching calls allowed.
        public var atMost: Int?
        /// Count only the calls after this anchor (the first time it happens).
        public var after: Anchor?
        /// Count only the calls before this anchor (the first time it happens).
        public var before: Anchor?
        /// Count only the calls within this much scenario time of the window's start: the `after`
        /// anchor, or the scenario's clock start.
        public var within: HumanDuration?

        /// Creates a rule; with no count, it expects at least one call.
        public init(
            operation: APIOperation,
            query: [String: String] = [:],
            body: [String: JSONValue] = [:],
            productID: String? = nil,
            atLeast: Int? = nil,
            atMost: Int? = nil,
            after: Anchor? = nil,
            before: Anchor? = nil,
            within: HumanDuration? = nil
        ) {
            self.operation = operation
            self.query = query
            self.body = body
            self.productID = productID
            self.atLeast = atLeast
            self.atMost = atMost
            self.after = after
            self.before = before
            self.within = within
        }

        /// Whether a number of matching calls is allowed.
        public func allows(_ count: Int) -> Bool {
            count >= (atLeast ?? (atMost == nil ? 1 : 0)) && count <= (atMost ?? .max)
        }

        /// The count expected, in words: `never`, `exactly 2 times`, `at least once`, `between 1 and 3 times`.
        public var expectedCount: String {
            func times(_ count: Int) -> String { count == 1 ? "once" : "\(count) times" }
            switch (atLeast, atMost) {
            case (_, 0): return "never"
            case (let low?, let high?) where low == high: return "exactly \(times(low))"
            case (let low?, let high?): return "between \(low) and \(high) times"
            case (nil, let high?): return "at most \(times(high))"
            case (let low?, nil): return "at least \(times(low))"
            case (nil, nil): return "at least once"
            }
        }

        /// The calls counted, in words: `search_products with category_version=v1 after upgrade_task.finished`.
        public var subject: String {
            var text = operation.id
            var filters = query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            filters += body.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.string ?? "\($0.value)")" }
            if let productID { filters.append("product \(productID)") }
            if !filters.isEmpty { text += " with \(filters.joined(separator: ", "))" }
            if let after { text += " after \(after)" }
            if let before { text += " before \(before)" }
            if let within { text += " within \(within) of " + (after == nil ? "the start" : "it") }
            return text
        }

        var summary: String { "\(subject) is called \(expectedCount)" }
    }

    /// Something a window of calls is measured from or to: a shop event, a webhook, an instant.
    public enum Anchor: Sendable, Hashable, Codable, CustomStringConvertible {
        /// A shop event of a kind (an upgrade step), for a product when one is named.
        case event(ShopEventKind, productID: String?)
        /// A genuine webhook of a type sent to the client, for a product when one is named.
        case webhook(WebhookType, productID: String?)
        /// An instant of the scenario clock.
        case time(Date)

        public var description: String {
            switch self {
            case .event(let kind, let productID): "\(kind)" + (productID.map { " of product \($0)" } ?? "")
            case .webhook(let type, let productID): "the \(type) webhook" + (productID.map { " of product \($0)" } ?? "")
            case .time(let date): ScenarioInstant.format(date)
            }
        }

        /// The product the anchor names, if any.
        public var productID: String? {
            switch self {
            case .event(_, let productID), .webhook(_, let productID): productID
            case .time: nil
            }
        }
    }
}
