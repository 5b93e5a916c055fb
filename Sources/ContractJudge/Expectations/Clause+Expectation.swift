import Scenarios

extension Clause {
    /// The clause that judges one of the scenario's `expect:` rules, reported as `expect.<name>`.
    init(expectation: ScenarioExpectation) {
        let hint: String
        let judge: @Sendable (ContractEvidence) -> Verdict
        switch expectation.rule {
        case .calls(let calls):
            hint =
                "Check when and how often the client calls \(calls.operation.id): the rule counts \(calls.subject), and expects it \(calls.expectedCount)."
            judge = { CallCount.verdict(calls, in: $0) }
        case .acknowledges(let acknowledgement):
            hint = "Answer every \(acknowledgement.type) webhook with 2xx at once, after checking its signature; do the slow work afterwards."
            judge = { AcknowledgementCheck.verdict(acknowledgement, in: $0) }
        case .endsIn(let state):
            hint =
                "Bring product \(state.productID) to \(state.expectedState) before the run ends: trigger the Category Upgrade Task (and again for products skipped), or edit it to a v2 leaf."
            judge = { EndStateCheck.verdict(state, in: $0) }
        }
        self.init(
            id: expectation.id,
            title: expectation.title,
            severity: expectation.severity == .error ? .error : .warning,
            facts: "the scenario's expect: rule '\(expectation.name)' (docs/scenarios.md, Expectations)",
            hint: hint,
            judge: judge
        )
    }
}
