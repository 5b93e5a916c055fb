import Scenarios

/// A product as the simulated shop holds it: what the seller sent, plus what the platform
/// manages (ids, status, times, the tree its category belongs to).
struct ProductState: Sendable, Hashable {
    var id: String
    var shopID: String
    var title: String
    var description: String
    var categoryID: String
    var categoryVersion: CategoryVersion
    var brandID: String?
    var mainImages: [ProductDraft.Image]
    var attributes: [ProductDraft.Attribute]
    var skus: [ProductDraft.SKU]
    var certifications: [ProductDraft.Certification]
    var sizeChart: ProductDraft.SizeChart?
    var manufacturerIDs: [String] = []
    var responsiblePersonIDs: [String] = []
    var deliveryOptionIDs: [String] = []
    /// The fields Get Product shows back as sent (``ProductDraft/echoedKeys``).
    var echoed: [String: JSONValue] = [:]
    var status: Product.Status
    var auditStatus: String
    /// Why the last audit failed (`audit_failed_reasons`); empty once an audit passes.
    var auditFailedReasons: [AuditFailedReason] = []
    /// Unix seconds, scenario clock.
    var createTime: Int64
    /// Unix seconds, scenario clock.
    var updateTime: Int64
    /// When the product last became ACTIVATE (Unix seconds, scenario clock); the 24-hour rule counts from here.
    var liveSince: Int64?
    /// The other markets holding a replica of the product (local replication).
    var replicaRegions: [Region] = []
}
