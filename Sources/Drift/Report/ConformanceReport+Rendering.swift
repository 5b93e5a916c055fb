import ContractJudge
package import Foundation

extension ConformanceReport {
    /// The summary line: what was compared and how much differs.
    package var summary: String {
        let counts = self.counts
        let differing = operations.filter { !$0.findings.isEmpty }.count
        let tally = DriftFinding.Severity.allCases.compactMap { severity in counts[severity].map { "\($0) \(severity.rawValue)" } }
        let head =
            "conform: \(recordings.count) recording\(recordings.count == 1 ? "" : "s"), \(exchanges) exchanges and \(notifications) notifications "
            + "against the simulator on scenario \(scenario)"
        if differing == 0 { return head + "\nno differences: \(operations.count) operations conform" }
        return head
            + "\n\(differing) of \(operations.count) operations differ (\(tally.joined(separator: ", "))); \(operations.count - differing) conform"
    }

    /// The report for a terminal: the summary, then one block per differing operation, most
    /// serious first, each finding on two lines; the operations that conform in one line.
    package var text: String {
        var lines = [summary, ""]
        for operation in operations where !operation.findings.isEmpty {
            lines.append("\(operation.name)  \(operation.request)  (\(operation.recorded) recorded, \(operation.comparedShapes) compared by shape)")
            for finding in operation.findings {
                let count = finding.count > 1 ? " ×\(finding.count)" : ""
                lines.append(
                    "  \(finding.severity.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(finding.kind.rawValue)  \(finding.subject)\(count)"
                )
                lines.append("               production: \(finding.production)  ·  simulator: \(finding.simulator)")
                if !finding.examples.isEmpty { lines.append("               seen at \(finding.examples.joined(separator: ", "))") }
            }
            lines.append("")
        }
        let conforming = operations.filter(\.findings.isEmpty).map(\.name)
        if !conforming.isEmpty { lines.append("conform: " + conforming.joined(separator: ", ")) }
        for note in notes { lines.append("note: " + note) }
        // Field names and values come from recordings: shown, not sent to the terminal.
        return lines.map(UntrustedText.forTerminal).joined(separator: "\n") + "\n"
    }

    /// The report as JSON for tools: the summary's counts, then every operation with its findings.
    package var json: Data {
        let document: [String: Any] = [
            "recordings": recordings,
            "scenario": scenario,
            "exchanges": exchanges,
            "notifications": notifications,
            "differs": hasDifferences,
            "counts": Dictionary(uniqueKeysWithValues: DriftFinding.Severity.allCases.map { ($0.rawValue, counts[$0] ?? 0) }),
            "operations": operations.map { operation in
                [
                    "name": operation.name,
                    "request": operation.request,
                    "recorded": operation.recorded,
                    "compared_shapes": operation.comparedShapes,
                    "worst": operation.worst?.rawValue ?? NSNull(),
                    "findings": operation.findings.map { finding in
                        [
                            "kind": finding.kind.rawValue,
                            "severity": finding.severity.rawValue,
                            "subject": finding.subject,
                            "production": finding.production,
                            "simulator": finding.simulator,
                            "count": finding.count,
                            "examples": finding.examples,
                        ] as [String: Any]
                    },
                ] as [String: Any]
            },
            "notes": notes,
        ]
        // Strings, numbers, booleans, arrays and dictionaries always serialize.
        return (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}
