/// One check of the listing validator: its name, the codes it answers with and the check.
///
/// Every check of Create Product, Edit Product (both versions), Partial Edit Product and Check
/// Product Listing is one rule of ``ListingRule/all``, in the order Create reports them;
/// `docs/catalogue.md` lists them with their codes.
struct ListingRule: Sendable {
    /// A stable name, such as `title.length`, used in the docs and the tests.
    let name: String
    /// The codes the rule can answer with (none for a rule that only warns).
    let codes: [Int]
    /// Whether the rule needs the resolved leaf (it is skipped when the draft names none).
    let needsLeaf: Bool
    /// What the rule finds in a draft; empty when it passes.
    let check: @Sendable (ListingSubject) -> [ListingFinding]

    init(_ name: String, codes: [Int], needsLeaf: Bool = true, check: @escaping @Sendable (ListingSubject) -> [ListingFinding]) {
        self.name = name
        self.codes = codes
        self.needsLeaf = needsLeaf
        self.check = check
    }
}
