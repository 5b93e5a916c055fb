/// How the simulated product audit behaves: Create, Edit, Partial Edit and Activate send a
/// product's content to review, and the review ends after ``duration`` on the scenario clock.
///
/// ```yaml
/// audit:
///   duration: 2h
///   failures:
///     - product: "1729653265020146201"
///       reasons: [The product image contains a watermark.]
/// ```
public struct AuditBehaviour: Sendable, Hashable {
    /// A product whose audit fails: its old content stays, with these reasons in
    /// `audit_failed_reasons`.
    public struct Failure: Sendable, Hashable {
        /// The product id.
        public var productID: String
        /// What the audit names as failing (`audit_failed_reasons[].position`). Default `product`.
        public var position: String
        /// Why it failed (`audit_failed_reasons[].reasons`).
        public var reasons: [String]
        /// What the seller should do (`audit_failed_reasons[].suggestions`).
        public var suggestions: [String]
        /// How many audits fail for it; nil for every audit.
        public var attempts: Int?

        /// Creates a failure.
        public init(productID: String, position: String = "product", reasons: [String] = [], suggestions: [String] = [], attempts: Int? = nil) {
            self.productID = productID
            self.position = position
            self.reasons = reasons.isEmpty ? [Self.defaultReason] : reasons
            self.suggestions = suggestions
            self.attempts = attempts
        }

        /// The reason of a failure that names none.
        public static let defaultReason = "The product information does not meet the listing requirements."
    }

    /// How long an audit takes on the scenario clock. Default 1h: a client that reads a product
    /// back right after editing it sees the old content, as in production. `0s` completes the
    /// audit within the call.
    public var duration: HumanDuration
    /// Products whose audit fails. Default none: every audit passes.
    public var failures: [Failure]

    /// Creates a behaviour; the defaults are realistic.
    public init(duration: HumanDuration = HumanDuration(seconds: 3600), failures: [Failure] = []) {
        self.duration = duration
        self.failures = failures
    }
}

extension AuditBehaviour: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case duration, failures
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        let defaults = AuditBehaviour()
        self.duration = try container.optional(HumanDuration.self, forKey: .duration) ?? defaults.duration
        self.failures = try container.list(of: Failure.self, forKey: .failures)?.compactMap { $0 } ?? []
        if duration.milliseconds < 0 { try decoder.reject("duration cannot be negative", at: CodingKeys.duration) }
    }
}

extension AuditBehaviour.Failure: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case productID = "product"
        case position, reasons, suggestions, attempts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.init(
            productID: try container.required(String.self, forKey: .productID) ?? "",
            position: try container.optional(String.self, forKey: .position) ?? "product",
            reasons: try container.list(of: String.self, forKey: .reasons)?.compactMap { $0 } ?? [],
            suggestions: try container.list(of: String.self, forKey: .suggestions)?.compactMap { $0 } ?? [],
            attempts: try container.optional(Int.self, forKey: .attempts)
        )
    }
}
