extension ScenarioExpectation {
    /// `acknowledges:`: every genuine notification of a webhook type (about a product, when one
    /// is named) gets a 2xx answer on some attempt, within a span of scenario time when given.
    public struct Acknowledgement: Sendable, Hashable, Codable {
        /// The webhook type.
        public var type: WebhookType
        /// The product the notifications are about, if any.
        public var productID: String?
        /// How much scenario time may pass between a notification's first attempt and the one
        /// acknowledged (retries included); nil for any time.
        public var within: HumanDuration?

        /// Creates a rule.
        public init(type: WebhookType, productID: String? = nil, within: HumanDuration? = nil) {
            self.type = type
            self.productID = productID
            self.within = within
        }

        var summary: String {
            "every \(type) webhook" + (productID.map { " of product \($0)" } ?? "") + " is acknowledged"
                + (within.map { " within \($0)" } ?? "")
        }
    }

    /// `product:` with `ends_in:`: a product of the scenario ends the run in a state.
    public struct EndState: Sendable, Hashable, Codable {
        /// The product, one of the scenario's.
        public var productID: String
        /// The category it must end in, if given.
        public var categoryID: String?
        /// The tree it must end on, if given.
        public var categoryVersion: CategoryVersion?
        /// The status it must end with, if given.
        public var status: Product.Status?

        /// Creates a rule; give at least one of the three parts of the state.
        public init(productID: String, categoryID: String? = nil, categoryVersion: CategoryVersion? = nil, status: Product.Status? = nil) {
            self.productID = productID
            self.categoryID = categoryID
            self.categoryVersion = categoryVersion
            self.status = status
        }

        /// The state expected, in words: `category_version v2, status ACTIVATE`.
        public var expectedState: String {
            [
                categoryID.map { "category \($0)" }, categoryVersion.map { "category_version \($0.rawValue)" },
                status.map { "status \($0.rawValue)" },
            ].compactMap { $0 }.joined(separator: ", ")
        }

        var summary: String { "product \(productID) ends the run with \(expectedState)" }
    }
}
