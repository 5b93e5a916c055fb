import Scenarios

/// Answers API operations from the scenario's shops and products.
///
/// An operation it does not simulate yet returns nil, so the next answerer can try.
struct ShopSimulator: Sendable {
    /// What the simulator answers: a `data` payload or a business error.
    enum Answer: Sendable {
        case success(any Encodable & Sendable)
        case failure(APIError)
    }

    let scenario: Scenario

    func answer(_ operation: Operation, shop: Shop?) -> Answer? {
        switch operation.id {
        case "get_authorized_shops":
            .success(AuthorizedShops(shops: scenario.shops.map(AuthorizedShops.Entry.init)))
        default:
            nil
        }
    }
}

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
