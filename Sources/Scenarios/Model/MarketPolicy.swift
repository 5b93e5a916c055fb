public import Foundation

/// Whether a market requires the 7-level tree, and since when.
///
/// Every market requires v2 by default (UK, EU and JP since the L7 expansion; US and SEA
/// before them). A scenario can set a cut-off date, or turn the requirement off, to model a
/// shop before the rollout.
public struct MarketPolicy: Sendable, Hashable {
    /// Whether create and edit refuse v1 category ids (error 12052217). Default true.
    public var v2Required: Bool
    /// When the requirement starts, on the scenario clock; nil for always. Default nil.
    public var v2RequiredFrom: Date?
    /// Whether the read APIs (categories, rules, attributes, brands, recommend) also refuse v1
    /// while v2 is required. Default false: the reference does not say they do, so they serve the v1 tree.
    public var v1ReadsRefused: Bool

    /// The error code create and edit answer when they get a v1 category id (or none) while v2
    /// is required: "All region shops must use V2 categories" (reference section 5).
    public static let v2RequiredErrorCode = 12052217

    /// Creates a policy; by default v2 is required from the start and reads of v1 still work.
    public init(v2Required: Bool = true, v2RequiredFrom: Date? = nil, v1ReadsRefused: Bool = false) {
        self.v2Required = v2Required
        self.v2RequiredFrom = v2RequiredFrom
        self.v1ReadsRefused = v1ReadsRefused
    }

    /// Whether v2 is required at an instant of the scenario clock.
    public func requiresV2(at instant: Date) -> Bool {
        guard v2Required else { return false }
        guard let start = v2RequiredFrom else { return true }
        return instant >= start
    }
}

extension MarketPolicy: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case v2Required = "v2_required"
        case v2RequiredFrom = "v2_required_from"
        case v1ReadsRefused = "v1_reads_refused"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.v2Required = try container.optional(Bool.self, forKey: .v2Required) ?? true
        self.v2RequiredFrom = try container.optional(DecodedInstant.self, forKey: .v2RequiredFrom)?.date
        self.v1ReadsRefused = try container.optional(Bool.self, forKey: .v1ReadsRefused) ?? false
    }
}
