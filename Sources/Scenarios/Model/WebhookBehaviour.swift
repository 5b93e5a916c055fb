/// Where webhooks go and how the platform misbehaves delivering them.
public struct WebhookBehaviour: Sendable, Hashable {
    /// An address registered for PRODUCT_CATEGORY_CHANGE on every shop at the start, as if the
    /// client had called `PUT /event/202309/webhooks`. Default none.
    public var address: String?
    /// How long after the event the first attempt is made, in scenario time: the slow webhook. Default 0s.
    public var delay: HumanDuration
    /// How long (real time) the receiver has to answer 2xx before the attempt counts as failed. Default 3s.
    public var acknowledgementTimeout: HumanDuration
    /// When failed attempts are retried, after the previous attempt, in scenario time. Default 2m, 30m, 3h, 12h.
    public var retries: [HumanDuration]
    /// Extra deliveries of each notification, with the same `tts_notification_id`. Default 0.
    public var duplicates: Int
    /// How long after the original a duplicate is sent, in scenario time. Default 1m.
    public var duplicateAfter: HumanDuration
    /// When set, notifications are delivered in swapped pairs: the first of each pair is held
    /// until the second is sent (then goes right after it), or at most this long. Default nil: in order.
    public var outOfOrder: HumanDuration?
    /// How many notifications get a forged twin (same body, wrong signature) sent just before them. Default 0.
    public var forged: Int
    /// Products whose notifications are never sent. Default none.
    public var dropped: Set<String>

    /// Creates a behaviour; the defaults are the platform's.
    public init(
        address: String? = nil,
        delay: HumanDuration = HumanDuration(seconds: 0),
        acknowledgementTimeout: HumanDuration = HumanDuration(seconds: 3),
        retries: [HumanDuration] = [120, 1800, 10800, 43200].map { HumanDuration(seconds: $0) },
        duplicates: Int = 0,
        duplicateAfter: HumanDuration = HumanDuration(seconds: 60),
        outOfOrder: HumanDuration? = nil,
        forged: Int = 0,
        dropped: Set<String> = []
    ) {
        self.address = address
        self.delay = delay
        self.acknowledgementTimeout = acknowledgementTimeout
        self.retries = retries
        self.duplicates = duplicates
        self.duplicateAfter = duplicateAfter
        self.outOfOrder = outOfOrder
        self.forged = forged
        self.dropped = dropped
    }
}

extension WebhookBehaviour: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case address, delay, retries, duplicates, forged, drop
        case acknowledgementTimeout = "ack_timeout"
        case duplicateAfter = "duplicate_after"
        case outOfOrder = "out_of_order"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        let defaults = WebhookBehaviour()
        self.address = try container.optional(String.self, forKey: .address)
        self.delay = try container.optional(HumanDuration.self, forKey: .delay) ?? defaults.delay
        self.acknowledgementTimeout = try container.optional(HumanDuration.self, forKey: .acknowledgementTimeout) ?? defaults.acknowledgementTimeout
        self.retries = try container.list(of: HumanDuration.self, forKey: .retries)?.compactMap { $0 } ?? defaults.retries
        self.duplicates = try container.optional(Int.self, forKey: .duplicates) ?? 0
        self.duplicateAfter = try container.optional(HumanDuration.self, forKey: .duplicateAfter) ?? defaults.duplicateAfter
        self.outOfOrder = try container.optional(HumanDuration.self, forKey: .outOfOrder)
        self.forged = try container.optional(Int.self, forKey: .forged) ?? 0
        self.dropped = Set(try container.list(of: String.self, forKey: .drop)?.compactMap { $0 } ?? [])
        if let address, !(address.hasPrefix("http://") || address.hasPrefix("https://")) {
            try decoder.reject("address must be an http:// or https:// URL, not '\(address)'", at: CodingKeys.address)
        }
        // Each at its own key.
        for (key, isNegative) in [
            (CodingKeys.delay, delay.milliseconds < 0), (.outOfOrder, (outOfOrder?.milliseconds ?? 0) < 0), (.duplicates, duplicates < 0),
            (.forged, forged < 0), (.retries, retries.contains { $0.milliseconds < 0 }),
        ] where isNegative {
            try decoder.reject("\(key.stringValue) cannot be negative", at: key)
        }
        if acknowledgementTimeout.milliseconds <= 0 { try decoder.reject("ack_timeout must be positive", at: CodingKeys.acknowledgementTimeout) }
    }
}
