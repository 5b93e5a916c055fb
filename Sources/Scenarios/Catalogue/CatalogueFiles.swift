/// The file forms of a market folder (`catalogue/<REGION>/`), decoded before they are checked.
enum CatalogueFiles {
    struct Market: Decodable {
        var region: String
        var locale: String
        var currency: String
    }

    struct Categories: Decodable {
        var categories: [Category]
    }

    struct Leaves: Decodable {
        struct Profile: Decodable {
            var attributes: [JSONValue]
            var rules: JSONValue
        }

        struct Leaf: Decodable {
            var profile: String
            var keywords: [String]
        }

        var profiles: [String: Profile]
        var leaves: [String: Leaf]
    }

    struct Brands: Decodable {
        var brands: [Brand]
    }
}
