import Scenarios

/// An operation of the facts table as JSON: the `data` of the 501 that answers a request no
/// source answered, and an entry of `GET /__admin/operations`.
struct OperationDescription: Encodable, Sendable {
    let id: String
    let method: String
    let path: String
    let shopScoped: Bool
    let categoryVersion: String?
    let simulated: Bool

    init(_ operation: APIOperation) {
        self.id = operation.id
        self.method = operation.method
        self.path = operation.pathTemplate
        self.shopScoped = operation.isShopScoped
        self.categoryVersion = operation.categoryVersion == .none ? nil : operation.categoryVersion.rawValue
        self.simulated = operation.isSimulated
    }

    enum CodingKeys: String, CodingKey {
        case id, method, path, simulated
        case shopScoped = "shop_scoped"
        case categoryVersion = "category_version"
    }
}
