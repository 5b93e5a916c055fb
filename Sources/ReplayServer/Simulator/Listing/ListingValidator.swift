import Scenarios

/// Runs the listing rules (``ListingRule/all``) over a draft: Create Product, Edit Product
/// and Partial Edit Product answer the first problem, Check Product Listing lists them all.
struct ListingValidator {
    /// A draft that passed: its leaf, the tree it is in, and what TikTok would warn about.
    struct Accepted {
        var leaf: Category
        var version: CategoryVersion
        var warnings: [String]
    }

    /// Everything the rules found, in rule order.
    struct Review {
        var problems: [APIError]
        var warnings: [String]
        /// The leaf and tree, when the draft names a leaf.
        var placement: ListingSubject.Placement?
    }

    let market: MarketCatalogue
    let shop: Shop
    let versions: CategoryVersionRule
    let compliance: ComplianceBook

    /// The draft's leaf and warnings, or the first problem.
    ///
    /// - Parameter existing: The product an edit changes; nil for a create.
    func validate(_ draft: ProductDraft, request: SimulatorRequest, existing: ProductState? = nil) throws(APIError) -> Accepted {
        let review = self.review(draft, request: request, write: existing.map { .edit($0) } ?? .create)
        if let first = review.problems.first { throw first }
        guard let placement = review.placement else { throw APIError.incorrectCategoryFormat }
        return Accepted(leaf: placement.leaf, version: placement.version, warnings: review.warnings)
    }

    /// Every problem and warning of the draft.
    func review(_ draft: ProductDraft, request: SimulatorRequest, write: ListingSubject.Write) -> Review {
        let subject = ListingSubject(
            draft: draft,
            write: write,
            shop: shop,
            market: market,
            compliance: compliance,
            placement: placement(of: draft, request: request)
        )
        var review = Review(problems: [], warnings: [], placement: try? subject.placement.get())
        for rule in ListingRule.all where !rule.needsLeaf || subject.leaf != nil {
            for finding in rule.check(subject) {
                switch finding {
                case .problem(let error): review.problems.append(error)
                case .warning(let text): review.warnings.append(text)
                }
            }
        }
        return review
    }

    private func placement(of draft: ProductDraft, request: SimulatorRequest) -> Result<ListingSubject.Placement, APIError> {
        Result { () throws(APIError) -> ListingSubject.Placement in
            guard let categoryID = draft.categoryID, !categoryID.isEmpty else { throw APIError.incorrectCategoryFormat }
            let version = try versions.version(of: request) ?? .v1
            try versions.enforce(version, isWrite: true)
            return ListingSubject.Placement(leaf: try market.leaf(categoryID, in: version), version: version)
        }
    }
}
