import Scenarios

/// The `data` of Get Authorized Shops.
struct AuthorizedShops: Encodable, Sendable {
    struct Entry: Encodable, Sendable {
        var id: String
        var name: String
        var region: String
        var sellerType: String
        var cipher: String
        var code: String

        enum CodingKeys: String, CodingKey {
            case id, name, region, cipher, code
            case sellerType = "seller_type"
        }

        init(_ shop: Shop) {
            self.id = shop.id
            self.name = shop.name
            self.region = shop.region.rawValue
            self.sellerType = shop.sellerType.rawValue
            self.cipher = shop.cipher
            self.code = shop.code
        }
    }

    var shops: [Entry]
}
