import Scenarios

/// What the listing rules look at: the draft, which write it is, the shop and its market,
/// the seller's compliance records, and the leaf the draft names once it is resolved.
struct ListingSubject: Sendable {
    /// The call the draft came with.
    enum Write: Sendable {
        /// Create Product.
        case create
        /// Edit Product or Partial Edit Product, of this product as it is now.
        case edit(ProductState)
        /// Check Product Listing: the checks of Create, without creating.
        case check
    }

    var draft: ProductDraft
    var write: Write
    var shop: Shop
    var market: MarketCatalogue
    var compliance: ComplianceBook
    /// The leaf and tree the draft's `category_id` and `category_version` name, or why they
    /// name none (the category rule reports it; the rules about the leaf are skipped).
    var placement: Result<Placement, APIError>

    /// A leaf and its tree.
    struct Placement: Sendable {
        var leaf: Category
        var version: CategoryVersion
    }

    /// The leaf, when the draft names one.
    var leaf: Category? { try? placement.get().leaf }

    /// What the leaf requires (attributes, rules), when the draft names a leaf.
    var details: LeafDetails? { leaf.flatMap { market.leaves[$0.id] } }

    /// Whether the draft creates a product (Create Product, or Check Product Listing, which
    /// checks what Create would).
    var creates: Bool {
        if case .edit = write { return false }
        return true
    }
}

/// What a rule finds: a problem that refuses the draft, or a warning the answer carries.
enum ListingFinding: Sendable, Hashable {
    case problem(APIError)
    case warning(String)
}
