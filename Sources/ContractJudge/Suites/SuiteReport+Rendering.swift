public import Foundation

extension SuiteReport {
    /// The scenario × clause matrix for a terminal, the coverage, and a verdict line.
    ///
    /// A cell is `✓` passed, `✗` violated, `·` not exercised; `!` marks a cell that differs
    /// from what the suite expects. Clauses are numbered in the header, named below it.
    public var matrix: String {
        let columns = clauseIDs + Array(Set(runs.flatMap { $0.report?.results.map(\.id) ?? [] }).subtracting(clauseIDs)).sorted()
        let width = max(12, runs.map(\.scenario.count).max() ?? 0) + 2
        func padded(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        var lines = [padded("scenario") + columns.indices.map { String(format: "%2d ", $0 + 1) }.joined() + "  verdict"]
        for run in runs {
            var cells = ""
            for id in columns {
                let result = run.report?.result(id)
                let symbol =
                    switch result?.status {
                    case .passed?: "✓"
                    case .violated?: "✗"
                    case .notExercised?: "·"
                    case nil: " "
                    }
                let differs = run.unexpectedViolations.contains(id) || run.missingViolations.contains(id)
                cells += " " + symbol + (differs ? "!" : " ")
            }
            let verdict = run.isAsExpected ? "as expected" : (run.problem ?? "differs from what the suite expects")
            lines.append(padded(run.scenario) + cells + "   " + verdict)
        }
        lines.append("")
        for (index, id) in columns.enumerated() { lines.append(String(format: "%3d ", index + 1) + id) }
        lines.append("")
        let exercised = exercised
        let never = clauseIDs.filter { !exercised.contains($0) }
        lines.append(
            "coverage: \(clauseIDs.count - never.count) of \(clauseIDs.count) clauses exercised"
                + (never.isEmpty ? "" : "; never: \(never.joined(separator: ", "))")
        )
        if !uncovered.isEmpty { lines.append("required coverage not reached: \(uncovered.joined(separator: ", "))") }
        let differing = runs.filter { !$0.isAsExpected }.count
        lines.append(
            "suite \(suite), contract \(contract): \(runs.count) scenario\(runs.count == 1 ? "" : "s"), \(runs.count - differing) as expected"
                + (differing == 0 ? "" : ", \(differing) not") + ": \(passed ? "PASSED" : "FAILED")"
        )
        return lines.map(UntrustedText.forTerminal).joined(separator: "\n")
    }

    /// The suite as JUnit XML: a `<testsuite>` per scenario with a `<testcase>` per clause
    /// (violations the suite did not expect fail, not exercised is skipped), and a `client`
    /// test case that errs when the run had a problem; a `coverage` suite when coverage is required.
    public var junit: String {
        var body = ""
        var total = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for run in runs {
            var cases = ""
            var counts = (tests: 0, failures: 0, errors: 0, skipped: 0)
            for result in run.report?.results ?? [] {
                let expected = run.expectedViolations.contains(result.id)
                cases += ContractReport.junitCase(result, classname: run.scenario, expectedViolation: expected)
                counts.tests += 1
                if run.unexpectedViolations.contains(result.id) || run.missingViolations.contains(result.id) { counts.failures += 1 }
                if result.status == .notExercised && !expected { counts.skipped += 1 }
            }
            counts.tests += 1
            cases += "    <testcase classname=\"\(UntrustedText.forXML(run.scenario))\" name=\"client\" time=\"\(run.seconds)\">\n"
            if let problem = run.problem {
                counts.errors += 1
                cases += "      <error message=\"\(UntrustedText.forXML(problem))\"/>\n"
            }
            cases += "    </testcase>\n"
            body +=
                "  <testsuite name=\"\(UntrustedText.forXML(run.scenario))\" tests=\"\(counts.tests)\" failures=\"\(counts.failures)\" errors=\"\(counts.errors)\" skipped=\"\(counts.skipped)\" time=\"\(run.seconds)\">\n"
                + cases + "  </testsuite>\n"
            total = (total.tests + counts.tests, total.failures + counts.failures, total.errors + counts.errors, total.skipped + counts.skipped)
        }
        if !requiredCoverage.isEmpty {
            body += "  <testsuite name=\"coverage\" tests=\"\(requiredCoverage.count)\" failures=\"\(uncovered.count)\">\n"
            for id in requiredCoverage {
                body += "    <testcase classname=\"coverage\" name=\"\(UntrustedText.forXML(id))\">\n"
                if uncovered.contains(id) {
                    body += "      <failure message=\"no scenario of the suite exercises \(UntrustedText.forXML(id))\"/>\n"
                }
                body += "    </testcase>\n"
            }
            body += "  </testsuite>\n"
            total.tests += requiredCoverage.count
            total.failures += uncovered.count
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="\(UntrustedText.forXML("tts-replay suite " + suite))" tests="\(total.tests)" failures="\(total.failures)" errors="\(total.errors)" skipped="\(total.skipped)">

            """ + body + "</testsuites>\n"
    }

    /// The suite as JSON: `{suite, contract, passed, coverage: {exercised, required, uncovered}, runs: [...]}`.
    public var json: Data {
        struct Coverage: Encodable {
            var exercised: [String]
            var required: [String]
            var uncovered: [String]
        }
        struct Document: Encodable {
            var suite: String
            var contract: String
            var passed: Bool
            var coverage: Coverage
            var runs: [ScenarioRun]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let document = Document(
            suite: suite,
            contract: contract,
            passed: passed,
            coverage: Coverage(exercised: clauseIDs.filter(exercised.contains), required: requiredCoverage, uncovered: uncovered),
            runs: runs
        )
        return (try? encoder.encode(document)) ?? Data()
    }
}
