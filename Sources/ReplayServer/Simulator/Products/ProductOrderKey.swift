/// Where a product stands in Search Products' order: newest update first, then by id,
/// greatest first. Two products never share a key (ids are unique).
struct ProductOrderKey: Hashable, Sendable {
    /// Unix seconds, scenario clock.
    var updateTime: Int64
    var id: String

    init(updateTime: Int64, id: String) {
        self.updateTime = updateTime
        self.id = id
    }

    init(_ product: ProductState) {
        self.init(updateTime: product.updateTime, id: product.id)
    }

    /// Whether this key comes before `other` in the search order.
    func precedes(_ other: ProductOrderKey) -> Bool {
        updateTime != other.updateTime ? updateTime > other.updateTime : id > other.id
    }
}
