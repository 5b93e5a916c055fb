/// One version of one market's category tree: the flat list of Get Categories, indexed.
public struct CategoryTree: Sendable {
    /// The tree's version.
    public let version: CategoryVersion
    /// Every node, parents before children, in the order Get Categories lists them.
    public let categories: [Category]
    private let indexByID: [String: Int]

    /// Indexes a flat list.
    ///
    /// - Throws: `CategoryTree.Problem` when an id repeats, a parent is missing or comes after its child.
    public init(version: CategoryVersion, categories: [Category]) throws(Problem) {
        var index: [String: Int] = [:]
        for (position, category) in categories.enumerated() {
            guard index[category.id] == nil else { throw Problem(position: position, message: "duplicate category id '\(category.id)'") }
            guard category.parentID == "0" || index[category.parentID] != nil else {
                throw Problem(
                    position: position,
                    message: "category '\(category.id)' names parent '\(category.parentID)', which is not listed before it"
                )
            }
            index[category.id] = position
        }
        self.version = version
        self.categories = categories
        self.indexByID = index
    }

    /// A structural problem in a tree, at a position of the flat list.
    public struct Problem: Error, Sendable {
        /// The index in `categories` of the offending node.
        public var position: Int
        /// What is wrong.
        public var message: String
    }

    /// The node with an id, or nil.
    public subscript(id: String) -> Category? {
        indexByID[id].map { categories[$0] }
    }

    /// Whether the tree has a node with this id.
    public func contains(_ id: String) -> Bool {
        indexByID[id] != nil
    }

    /// The nodes from the root down to `id` (inclusive); empty when the id is not in the tree.
    public func path(to id: String) -> [Category] {
        var path: [Category] = []
        var current = self[id]
        while let node = current {
            path.append(node)
            current = node.parentID == "0" ? nil : self[node.parentID]
        }
        return path.reversed()
    }

    /// The leaves, in list order.
    public var leaves: [Category] { categories.filter(\.isLeaf) }
}
