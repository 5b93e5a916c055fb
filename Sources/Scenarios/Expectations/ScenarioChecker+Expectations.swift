extension ScenarioChecker {
    /// Names are unique (they become report ids), and every product a rule names is one of the
    /// scenario's, so that a misspelt id is an error here rather than a rule never exercised.
    ///
    /// - Parameters:
    ///   - expectations: The rules read, nil where a rule did not fit (its problem is recorded).
    ///   - products: The scenario's products, nil where one did not fit.
    ///   - productsRead: Whether the products were read whole; if not, product ids are not checked.
    mutating func check(expectations: [ScenarioExpectation?], products: [Product?], productsRead: Bool) {
        let known = products.compactMap { $0?.id }
        var names: Set<String> = []
        for (index, expectation) in expectations.enumerated() {
            guard let expectation else { continue }
            let path = ["expect", "\(index)"]
            if !names.insert(expectation.name).inserted { problem(path + ["name"], "duplicate expectation name '\(expectation.name)'") }
            guard productsRead else { continue }
            var references: [(path: [String], id: String)] = []
            func refer(_ key: [String], _ id: String?) {
                if let id { references.append((path + key, id)) }
            }
            switch expectation.rule {
            case .calls(let calls):
                refer(["product"], calls.productID)
                refer(["after", "product"], calls.after?.productID)
                refer(["before", "product"], calls.before?.productID)
            case .acknowledges(let acknowledgement):
                refer(["product"], acknowledgement.productID)
            case .endsIn(let state):
                refer(["product"], state.productID)
            }
            for reference in references where !known.contains(reference.id) {
                var message = "no product with id '\(reference.id)' in this scenario"
                if let suggestion = DidYouMean.suggestion(for: reference.id, among: known) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problem(reference.path, message)
            }
        }
    }
}
