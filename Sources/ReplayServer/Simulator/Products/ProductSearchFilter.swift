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
    /// `audit_status`: empty for any.
    var auditStatuses: Set<String> = []
    /// `return_draft_version: true`: only products with a draft (the fake keeps none).
    var draftsOnly = false
    /// `listing_platforms`: nil for any; every product of the fake is on TikTok Shop.
    var listingPlatforms: Set<String>?

    static let auditStatusNames = ["AUDITING", "FAILED", "APPROVED"]
    static let listingPlatformNames = ["TIKTOK_SHOP", "TOKOPEDIA"]

    /// Whether the filter asks for what the index does not hold, so each product is looked at.
    var looksAtEachProduct: Bool { !auditStatuses.isEmpty || draftsOnly || listingPlatforms != nil }

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
        self.auditStatuses = try Self.names("audit_status", in: body, among: Self.auditStatusNames) ?? []
        if let draft = body?["return_draft_version"], draft != .null {
            guard let value = draft.bool else {
                throw APIError.invalidParameter("return_draft_version", reason: "not a boolean", expected: "true or false")
            }
            self.draftsOnly = value
        }
        self.listingPlatforms = try Self.names("listing_platforms", in: body, among: Self.listingPlatformNames)
        if listingPlatforms != nil, status == "ALL" {
            throw APIError.invalidParameter("listing_platforms", reason: "it needs a status other than ALL", expected: "a status such as ACTIVATE")
        }
    }

    /// A list of names from a closed set; nil when the field is absent.
    private static func names(_ key: String, in body: JSONValue?, among allowed: [String]) throws(APIError) -> Set<String>? {
        guard let field = body?[key], field != .null else { return nil }
        let names = field.array?.compactMap(\.string) ?? []
        guard names.count == field.array?.count, names.allSatisfy(allowed.contains) else {
            throw APIError.invalidParameter(key, reason: "not a list of known values", expected: "a list of \(allowed.joined(separator: ", "))")
        }
        return Set(names)
    }

    /// Whether a product passes every filter.
    func matches(_ product: ProductState) -> Bool {
        guard statuses.contains(product.status) else { return false }
        if let version, product.categoryVersion != version { return false }
        guard createRange.contains(product.createTime), updateRange.contains(product.updateTime) else { return false }
        if !sellerSKUs.isEmpty, !product.skus.contains(where: { $0.sellerSKU.map(sellerSKUs.contains) ?? false }) { return false }
        if !skuIDs.isEmpty, !product.skus.contains(where: { $0.id.map(skuIDs.contains) ?? false }) { return false }
        if !auditStatuses.isEmpty, !auditStatuses.contains(product.auditStatus) { return false }
        if draftsOnly { return false }
        if let listingPlatforms, !listingPlatforms.contains("TIKTOK_SHOP") { return false }
        return true
    }
}
