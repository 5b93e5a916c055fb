/// The categories the recorded Get Categories answers listed, with the tree each was asked on,
/// so that a category the catalogue lacks can still be placed on a tree.
struct CategoryEvidence {
    /// Per category id: the `category_version` of the request that listed it, and the shop
    /// cipher it was asked for.
    private(set) var trees: [String: (version: CategoryVersion, cipher: String?)] = [:]

    /// Reads a Get Categories answer: `data.categories[].id` on the request's tree (v1 when the
    /// request named none, as the API defaults).
    mutating func read(_ exchange: RecordedExchange) {
        guard exchange.code == 0, let categories = exchange.envelope?["data"]?["categories"]?.array else { return }
        let query = exchange.interaction.request.query
        let version = query[RequestParameter.categoryVersion].flatMap(CategoryVersion.init(rawValue:)) ?? .v1
        for category in categories {
            guard let id = category["id"]?.string, !RecordedText.isRedacted(id) else { continue }
            trees[id] = (version, query[RequestParameter.shopCipher])
        }
    }
}
