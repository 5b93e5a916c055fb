import Foundation
import Scenarios

/// Reads `category_version` where the operation takes it and applies the market's policy.
///
/// `v1`/`v2` are accepted in either case; absent means `v1`, except on Search Products, where
/// absent means both trees (nil here).
struct CategoryVersionRule: Sendable {
    let policy: MarketPolicy
    let now: Date

    /// The version a request names, or the default.
    func version(of request: SimulatorRequest) throws(APIError) -> CategoryVersion? {
        let text: String?
        switch request.operation.categoryVersion {
        case .none: return .v1
        case .query: text = request.query[RequestParameter.categoryVersion]
        case .body:
            guard let value = request.body?[RequestParameter.categoryVersion], value != .null else {
                text = nil
                break
            }
            guard let string = value.string else {
                throw APIError.invalidParameter(RequestParameter.categoryVersion, reason: "not a string", expected: "v1 or v2")
            }
            text = string
        }
        guard let text, !text.isEmpty else { return request.operation.searchesEitherTree ? nil : .v1 }
        guard let version = CategoryVersion(parsing: text) else {
            throw APIError.invalidParameter(RequestParameter.categoryVersion, reason: "'\(text.prefix(16))' is not a tree", expected: "v1 or v2")
        }
        return version
    }

    /// Refuses v1 where the market requires v2: always for create and edit, for reads only when the policy says so.
    func enforce(_ version: CategoryVersion?, isWrite: Bool) throws(APIError) {
        guard version == .v1, policy.requiresV2(at: now), isWrite || policy.v1ReadsRefused else { return }
        throw APIError.v2Required
    }
}
