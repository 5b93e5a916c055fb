public import Foundation

extension ContractReport {
    /// The report for people, like a compiler's errors: one block per violation with the
    /// journal entry, the request, what was expected and how to fix it, then a summary line.
    public var summary: String {
        var lines: [String] = []
        for result in results where result.status == .violated {
            for violation in result.violations {
                lines.append("\(result.severity.rawValue): \(result.id): \(violation.message)")
                if let request = violation.request {
                    let entries = violation.entries.map(String.init).joined(separator: ", ")
                    lines.append("  --> journal entr\(violation.entries.count == 1 ? "y" : "ies") \(entries): \(request)")
                } else if let notification = violation.notification {
                    lines.append("  --> webhook notification \(notification)")
                }
                lines.append("  expected: \(violation.expected)")
                lines.append("  fix: \(result.hint)")
            }
        }
        let violated = results.filter { $0.status == .violated }
        let errors = violated.filter { $0.severity == .error }.count
        var counts = [
            "\(ids(.passed).count) passed", "\(violated.count) violated" + (violated.isEmpty ? "" : " (\(errors) error\(errors == 1 ? "" : "s"))"),
        ]
        let unexercised = ids(.notExercised)
        counts.append("\(unexercised.count) not exercised" + (unexercised.isEmpty ? "" : " (\(unexercised.joined(separator: ", ")))"))
        lines.append("contract \(contract) on scenario '\(scenario)': \(counts.joined(separator: ", ")): \(passed ? "PASSED" : "FAILED")")
        return lines.map(UntrustedText.forTerminal).joined(separator: "\n")
    }

    /// The report as JSON: `{contract, scenario, passed, results: [...]}`.
    public var json: Data {
        struct Document: Encodable {
            var contract: String
            var scenario: String
            var passed: Bool
            var results: [ClauseResult]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(Document(contract: contract, scenario: scenario, passed: passed, results: results))) ?? Data()
    }

    /// The report as JUnit XML: one test case per clause; a violated error clause fails, a
    /// clause not exercised is skipped, a violated warning passes with its violations in system-out.
    public var junit: String {
        let failures = results.filter { $0.status == .violated && $0.severity == .error }.count
        let skipped = ids(.notExercised).count
        let suite = "contract \(contract) (scenario \(scenario))"
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="tts-replay" tests="\(results.count)" failures="\(failures)" skipped="\(skipped)">
              <testsuite name="\(UntrustedText.forXML(suite))" tests="\(results.count)" failures="\(failures)" skipped="\(skipped)">

            """
        for result in results {
            xml += Self.junitCase(result, classname: contract)
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// One clause as a JUnit test case. A violation the suite expected passes (its evidence in
    /// system-out); `missingViolation` fails a clause the suite expected to be violated.
    static func junitCase(_ result: ClauseResult, classname: String, expectedViolation: Bool = false) -> String {
        var xml =
            "    <testcase classname=\"\(UntrustedText.forXML(classname))\" name=\"\(UntrustedText.forXML(result.id + ": " + result.title))\">\n"
        let details = result.violations.map { violation in
            [violation.message, violation.request.map { "request: \($0)" }, "expected: \(violation.expected)", "fix: \(result.hint)"]
                .compactMap { $0 }.joined(separator: "\n")
        }.joined(separator: "\n\n")
        switch (result.status, result.severity) {
        case (.violated, .error) where !expectedViolation:
            xml +=
                "      <failure message=\"\(UntrustedText.forXML(result.violations.first?.message ?? ""))\" type=\"\(result.id)\">\(UntrustedText.forXML(details))</failure>\n"
        case (.violated, _):
            xml += "      <system-out>\(UntrustedText.forXML((expectedViolation ? "violated, as the suite expects\n" : "") + details))</system-out>\n"
        case (_, _) where expectedViolation:
            xml += "      <failure message=\"expected to be violated, but \(result.status.rawValue)\" type=\"\(result.id)\"/>\n"
        case (.notExercised, _):
            xml += "      <skipped message=\"\(UntrustedText.forXML("not exercised: " + (result.notExercisedBecause ?? "")))\"/>\n"
        case (.passed, _):
            break
        }
        return xml + "    </testcase>\n"
    }
}
