/// Which transport checks the fake enforces.
///
/// Every check is on by default. A relaxed check still runs and its failure is still
/// journaled (so the contract can report it); only the rejection is skipped. This lets a
/// client that cannot sign yet exercise the rest of the API.
public struct GatewayPolicy: Sendable, Hashable {
    /// The checks whose failures are journaled but not answered with an error.
    public var relaxed: Set<GatewayCheck>

    /// Creates a policy; by default nothing is relaxed.
    public init(relaxed: Set<GatewayCheck> = []) {
        self.relaxed = relaxed
    }
}

extension GatewayPolicy: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case relax
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        self.relaxed = Set(try container.list(oneOf: GatewayCheck.self, forKey: .relax)?.compactMap { $0 } ?? [])
    }
}
