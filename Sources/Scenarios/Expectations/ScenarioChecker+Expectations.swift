extension ScenarioChecker {
    /// Names are unique (they become report ids), and every product a rule names is one of the
    /// scenario's, so that a misspelt id is an error here rather than a rule never exercised.
    mutating func check(expectations: [ScenarioExpectation], products: [Product]) {
        let ids = Set(products.map(\.id))
        var names: Set<String> = []
        for (index, expectation) in expectations.enumerated() {
            let path = ["expect", "\(index)"]
            if !names.insert(expectation.name).inserted { problem(path + ["name"], "duplicate expectation name '\(expectation.name)'") }
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
            for reference in references where !ids.contains(reference.id) {
                var message = "no product with id '\(reference.id)' in this scenario"
                if let suggestion = DidYouMean.suggestion(for: reference.id, among: products.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                problem(reference.path, message)
            }
        }
    }
}
