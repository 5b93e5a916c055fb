import Scenarios

/// One entry of Get Product's `audit_failed_reasons`, as the scenario's audit failure scripts it.
struct AuditFailedReason: Encodable, Sendable, Hashable {
    var listingPlatform: String
    var position: String
    var reasons: [String]
    var suggestions: [String]

    enum CodingKeys: String, CodingKey {
        case position, reasons, suggestions
        case listingPlatform = "listing_platform"
    }

    init(_ failure: AuditBehaviour.Failure) {
        self.listingPlatform = "TIKTOK_SHOP"
        self.position = failure.position
        self.reasons = failure.reasons
        self.suggestions = failure.suggestions
    }
}
