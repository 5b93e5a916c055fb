/// What `tts-replay conform` found: per operation, how the simulator's answers differ from the
/// recorded production answers, most serious first.
package struct ConformanceReport: Sendable, Hashable {
    /// One operation, or one webhook type, and its differences.
    package struct OperationDrift: Sendable, Hashable {
        /// The operation id (`get_product`), `webhook PRODUCT_CATEGORY_CHANGE (18)`, or the
        /// method and path of a recorded request outside the operation table.
        package var name: String
        /// The method and path template, or `POST <receiver>` for a webhook.
        package var request: String
        /// How many recorded answers (or notifications) it has.
        package var recorded: Int
        /// How many of them were compared by shape: both sides succeeded.
        package var comparedShapes: Int
        /// The differences, most serious first.
        package var findings: [DriftFinding]

        /// The most serious finding's severity, nil when the operation conforms.
        package var worst: DriftFinding.Severity? { findings.map(\.severity).min() }
    }

    /// The recordings read, by file name.
    package var recordings: [String]
    /// The scenario the simulator ran.
    package var scenario: String
    /// How many recorded exchanges were sent to the simulator.
    package var exchanges: Int
    /// How many recorded notifications were compared.
    package var notifications: Int
    /// Every operation seen, the most serious first; operations that conform come last.
    package var operations: [OperationDrift]
    /// What conform had to adapt or could not compare, for the reader.
    package var notes: [String]

    /// Whether anything differs: the exit status is 1 when it does.
    package var hasDifferences: Bool { operations.contains { !$0.findings.isEmpty } }

    /// How many findings of each severity.
    package var counts: [DriftFinding.Severity: Int] {
        var counts: [DriftFinding.Severity: Int] = [:]
        for finding in operations.flatMap(\.findings) { counts[finding.severity, default: 0] += 1 }
        return counts
    }

    /// Orders operations: the most serious finding first, then the most findings, then by name.
    static func ordered(_ lhs: OperationDrift, _ rhs: OperationDrift) -> Bool {
        let left = lhs.worst.map { DriftFinding.Severity.allCases.firstIndex(of: $0)! } ?? Int.max
        let right = rhs.worst.map { DriftFinding.Severity.allCases.firstIndex(of: $0)! } ?? Int.max
        return (left, -lhs.findings.count, lhs.name) < (right, -rhs.findings.count, rhs.name)
    }
}
