import ReplayJournal
import Scenarios

/// Judges a `product:` with `ends_in:` rule: the product's state at the end of the run, from
/// its state at the start (the contract facts) and every category change, status change and
/// audit end the journal holds.
enum EndStateCheck {
    static func verdict(_ rule: ScenarioExpectation.EndState, in evidence: ContractEvidence) -> Verdict {
        guard var state = evidence.facts.products.first(where: { $0.id == rule.productID }).map(ProductEnd.init) else {
            return .notExercised("the journal does not hold product \(rule.productID)'s state at the start")
        }
        for event in evidence.events where event.productID == rule.productID {
            if event.kind == .productCategoryChanged {
                state.categoryID = event.details[ShopEvent.currentCategoryIDKey] ?? state.categoryID
                state.categoryVersion = event.details[ShopEvent.currentCategoryVersionKey].flatMap(CategoryVersion.init(parsing:))
            }
            // Status changes and audits' ends say the status they leave the product in.
            if let status = event.details[ShopEvent.currentStatusKey].flatMap(Product.Status.init(rawValue:)) { state.status = status }
        }
        var wrong: [String] = []
        if let expected = rule.categoryID, expected != state.categoryID { wrong.append("category \(state.categoryID)") }
        if let expected = rule.categoryVersion, expected != state.categoryVersion {
            wrong.append("category_version \(state.categoryVersion?.rawValue ?? "unknown (not journaled)")")
        }
        if let expected = rule.status, expected != state.status { wrong.append("status \(state.status.rawValue)") }
        guard !wrong.isEmpty else { return .judged([]) }
        return .judged([
            ContractViolation(message: "product \(rule.productID) ended the run with \(wrong.joined(separator: ", "))", expected: rule.expectedState)
        ])
    }

    /// What the end state is made of.
    private struct ProductEnd {
        var categoryID: String
        var categoryVersion: CategoryVersion?
        var status: Product.Status

        init(_ start: ContractFacts.Product) {
            self.categoryID = start.categoryID
            self.categoryVersion = start.categoryVersion
            self.status = start.status
        }
    }
}
