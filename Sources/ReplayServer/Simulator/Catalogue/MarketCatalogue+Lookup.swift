import Scenarios

extension MarketCatalogue {
    /// The leaf a request names in a tree, or the error TikTok gives: 12052002 for an id that is
    /// not a category id at all, 12052230 for an id of the other tree, 12052023 for an unknown id,
    /// 12052024 for a node that is not a leaf.
    func leaf(_ id: String, in version: CategoryVersion) throws(APIError) -> Category {
        guard !id.isEmpty, id.allSatisfy(\.isASCII), id.allSatisfy(\.isNumber) else {
            throw APIError.incorrectCategoryFormat.detailed("(category_id '\(id.prefix(32))')")
        }
        guard let category = tree(version)[id] else {
            let other: CategoryVersion = version == .v1 ? .v2 : .v1
            if tree(other).contains(id) {
                throw APIError.categoryVersionMismatch.detailed("(category \(id) is in the \(other.rawValue) tree, not \(version.rawValue))")
            }
            throw APIError.categoryNotFound.detailed("(category_id \(id))")
        }
        guard category.isLeaf else { throw APIError.categoryNotLeaf.detailed("(category \(id) \(category.localName))") }
        return category
    }
}
