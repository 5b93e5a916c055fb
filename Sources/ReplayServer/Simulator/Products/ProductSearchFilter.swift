import Scenarios

/// The body filters of Search Products.
struct ProductSearchFilter: Hashable, Sendable {
    /// The statuses asked for: one, or every status but DELETED for `ALL` (the default).
    var statuses: [Product.Status]
    /// nil: both trees.
    var version: CategoryVersion?
    var createRange: ClosedRange<Int64>
    var updateRange: ClosedRange<Int64>
    var sellerSKUs: Set<String>
    var skuIDs: Set<String>

    private static let statusNames = ["ALL"] + Product.Status.allCases.map(\.rawValue)

    /// The trees asked for.
    var versions: [CategoryVersion] { version.map { [$0] } ?? CategoryVersion.allCases }

    /// Whether the create-time filter leaves any product out.
    var limitsCreateTime: Bool { createRange != 0...Int64.max }

    init(body: JSONValue?, version: CategoryVersion?) throws(APIError) {
        self.version = version
        let status = body?["status"]?.string ?? "ALL"
        if status == "ALL" {
            self.statuses = Product.Status.allCases.filter { $0 != .deleted }
        } else if let one = Product.Status(rawValue: status) {
            self.statuses = [one]
        } else {
            throw APIError.invalidParameter("status", reason: "unknown status", expected: "one of \(Self.statusNames.joined(separator: ", "))")
        }
        func time(_ key: String, default value: Int64) throws(APIError) -> Int64 {
            guard let field = body?[key], field != .null else { return value }
            guard let number = field.number, number >= 0 else {
                throw APIError.invalidParameter(key, reason: "not a time", expected: "Unix seconds, 0 or more")
            }
            // Past Int64 (a client's 1e30) means "no bound", not a trap.
            return number < 9.2e18 ? Int64(number) : Int64.max
        }
        let createFrom = try time("create_time_ge", default: 0)
        let createTo = try time("create_time_le", default: Int64.max)
        guard createFrom <= createTo else { throw APIError.invalidCreateTime }
        let updateFrom = try time("update_time_ge", default: 0)
        let updateTo = try time("update_time_le", default: Int64.max)
        guard updateFrom <= updateTo else { throw APIError.invalidUpdateTime }
        self.createRange = createFrom...createTo
        self.updateRange = updateFrom...updateTo
        let sellerSKUs = body?["seller_skus"]?.array?.compactMap(\.string) ?? []
        guard sellerSKUs.count <= 10 else { throw APIError.tooManySellerSKUs }
        let skuIDs = body?["sku_ids"]?.array?.compactMap(\.string) ?? []
        guard skuIDs.count <= 10 else { throw APIError.tooManySKUIDs }
        self.sellerSKUs = Set(sellerSKUs)
        self.skuIDs = Set(skuIDs)
    }

    /// Whether a product passes every filter.
    func matches(_ product: ProductState) -> Bool {
        guard statuses.contains(product.status) else { return false }
        if let version, product.categoryVersion != version { return false }
        guard createRange.contains(product.createTime), updateRange.contains(product.updateTime) else { return false }
        if !sellerSKUs.isEmpty, !product.skus.contains(where: { $0.sellerSKU.map(sellerSKUs.contains) ?? false }) { return false }
        if !skuIDs.isEmpty, !product.skus.contains(where: { $0.id.map(skuIDs.contains) ?? false }) { return false }
        return true
    }
}
