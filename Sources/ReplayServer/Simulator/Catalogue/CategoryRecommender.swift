import Scenarios

/// Picks the leaf whose keywords best match a product title, as Recommend Category does.
///
/// A keyword counts when the lower-cased title contains it (which also works for Japanese
/// titles, written without spaces); longer keywords weigh more, and a leaf's own name counts
/// as a keyword. Ties go to the leaf listed first.
struct CategoryRecommender {
    let market: MarketCatalogue

    func recommend(title: String, version: CategoryVersion, includeProhibited: Bool) -> Category? {
        let text = title.lowercased()
        var best: (leaf: Category, score: Int)?
        for leaf in market.tree(version).leaves where includeProhibited || !leaf.isProhibited {
            let keywords = (market.leaves[leaf.id]?.keywords ?? []) + [leaf.localName.lowercased()]
            let score = keywords.reduce(0) { $0 + (text.contains($1) && !$1.isEmpty ? $1.count : 0) }
            if score > 0, score > (best?.score ?? 0) { best = (leaf, score) }
        }
        return best?.leaf
    }
}
