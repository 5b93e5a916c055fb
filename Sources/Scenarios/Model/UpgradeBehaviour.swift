/// How the simulated Category Upgrade Task behaves.
public struct UpgradeBehaviour: Sendable, Hashable {
    /// The order the task moves a shop's eligible products in.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        /// Scenario products in the order listed, then created products in creation order.
        case listed
        /// The reverse of `listed`.
        case reverse
        /// A shuffle seeded by the scenario seed: the same every run.
        case shuffled
    }

    /// What a call does while the shop's task runs.
    public enum WhileRunning: String, Sendable, Hashable, CaseIterable {
        /// Refused with error 12052234 ("Please wait for the current task to finish (maximum 2
        /// hours) and try again."), as the operation's documented error table says.
        case refuse
        /// Accepted and ignored (`data: {}`), the lenient reading from before the error table was found.
        case accept
    }

    /// A product whose upgrade fails: it stays on v1 and no webhook is sent.
    public struct Failure: Sendable, Hashable {
        /// The product id.
        public var productID: String
        /// How many tasks fail for it; nil for every task.
        public var attempts: Int?

        /// Creates a failure.
        public init(productID: String, attempts: Int? = nil) {
            self.productID = productID
            self.attempts = attempts
        }
    }

    /// How long a task takes; its products move at even steps over it, the last at the end. Default 2h.
    public var duration: HumanDuration
    /// How long a product must have been live to be upgraded. Default 24h, the platform's rule.
    public var minimumAge: HumanDuration
    /// The order products move in. Default `listed`.
    public var order: Order
    /// Products whose upgrade fails. Default none.
    public var failures: [Failure]
    /// What a call does while the shop's task runs. Default `refuse`.
    public var whileRunning: WhileRunning

    /// Creates a behaviour; the defaults are the platform's.
    public init(
        duration: HumanDuration = HumanDuration(seconds: 7200),
        minimumAge: HumanDuration = HumanDuration(seconds: 86400),
        order: Order = .listed,
        failures: [Failure] = [],
        whileRunning: WhileRunning = .refuse
    ) {
        self.duration = duration
        self.minimumAge = minimumAge
        self.order = order
        self.failures = failures
        self.whileRunning = whileRunning
    }
}

extension UpgradeBehaviour: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case duration, order, failures
        case minimumAge = "minimum_age"
        case whileRunning = "while_running"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        let defaults = UpgradeBehaviour()
        self.duration = try container.optional(HumanDuration.self, forKey: .duration) ?? defaults.duration
        self.minimumAge = try container.optional(HumanDuration.self, forKey: .minimumAge) ?? defaults.minimumAge
        self.order = try container.optional(oneOf: Order.self, forKey: .order) ?? defaults.order
        self.failures = try container.list(of: Failure.self, forKey: .failures)?.compactMap { $0 } ?? []
        self.whileRunning = try container.optional(oneOf: WhileRunning.self, forKey: .whileRunning) ?? defaults.whileRunning
        if duration.milliseconds < 0 { try decoder.reject("duration cannot be negative", at: CodingKeys.duration) }
    }
}

extension UpgradeBehaviour.Failure: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case productID = "product"
        case attempts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.productID = try container.required(String.self, forKey: .productID) ?? ""
        self.attempts = try container.optional(Int.self, forKey: .attempts)
    }
}
