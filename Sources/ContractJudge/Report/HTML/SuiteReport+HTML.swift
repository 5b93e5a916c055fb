extension SuiteReport {
    /// The suite as one self-contained HTML page: the verdict, the scenario × clause matrix and
    /// the coverage; each scenario's report (clauses, evidence, fixes, timeline) is embedded in
    /// the page and shown when its row is clicked (`#run-N` in the address opens it directly).
    ///
    /// A run's timeline is there when ``ScenarioRun/timeline`` was read.
    public var html: String {
        let columns = clauseIDs + Array(Set(runs.flatMap { $0.report?.results.map(\.id) ?? [] }).subtracting(clauseIDs)).sorted()
        let never = clauseIDs.filter { !exercised.contains($0) }
        var body = """
            <main class="suite-page">
            <div class="verdict \(passed ? "passed" : "failed")"><h1>suite \(HTMLText.escaped(suite)), contract \(HTMLText.escaped(contract)): \
            <span class="word">\(passed ? "PASSED" : "FAILED")</span></h1>
            <p>\(runs.count) scenario\(runs.count == 1 ? "" : "s"), \(runs.filter(\.isAsExpected).count) as expected; \
            coverage: \(clauseIDs.count - never.count) of \(clauseIDs.count) clauses exercised\
            \(never.isEmpty ? "" : "; never: " + HTMLText.escaped(never.joined(separator: ", ")))\
            \(uncovered.isEmpty ? "" : "; <b>required coverage not reached: " + HTMLText.escaped(uncovered.joined(separator: ", ")) + "</b>")</p></div>
            <h2>Scenarios × clauses</h2>
            <p class="why">✓ passed, ✗ violated, · not exercised; a shaded cell differs from what the suite expects. Click a scenario for its report.</p>
            <table class="matrix"><tr><th>scenario</th>
            """
        for (index, id) in columns.enumerated() { body += "<th title=\"\(HTMLText.escaped(id))\">\(index + 1)</th>" }
        body += "<th>verdict</th></tr>\n"
        for (number, run) in runs.enumerated() { body += matrixRow(run, number: number, columns: columns) }
        body += "</table>\n<ol class=\"legend-list\">\n"
        for id in columns { body += "<li><code>\(HTMLText.escaped(id))</code></li>\n" }
        body += "</ol>\n"
        for (number, run) in runs.enumerated() {
            let heading = "scenario \(run.scenario)"
            if let report = run.report {
                body += report.htmlSection(number: number, timeline: run.timeline, heading: heading, problem: run.problem)
            } else {
                body += """
                    <section class="run" id="run-\(number)"><div class="verdict failed"><h1>\(HTMLText.escaped(heading)): \
                    <span class="word">NO VERDICT</span></h1><p class="problem">\(HTMLText.escaped(run.problem ?? "no report"))</p></div></section>

                    """
            }
        }
        return ReportPage.document(title: "tts-replay suite \(suite): \(passed ? "PASSED" : "FAILED")", body: body + "</main>")
    }

    /// One scenario's row of the matrix, its name linking to its report.
    private func matrixRow(_ run: ScenarioRun, number: Int, columns: [String]) -> String {
        var row = "<tr><td class=\"scenario\"><a href=\"#run-\(number)\">\(HTMLText.escaped(run.scenario))</a></td>"
        for id in columns {
            let result = run.report?.result(id)
            let differs = run.unexpectedViolations.contains(id) || run.missingViolations.contains(id)
            let symbol =
                switch result?.status {
                case .passed?: "✓"
                case .violated?: "✗"
                case .notExercised?: "·"
                case nil: ""
                }
            row += "<td class=\"\(result?.status.rawValue ?? "")\(differs ? " differs" : "")\" title=\"\(HTMLText.escaped(id))\">\(symbol)</td>"
        }
        let verdict = run.isAsExpected ? "as expected" : (run.problem ?? "differs from what the suite expects")
        return row + "<td class=\"scenario\">\(HTMLText.escaped(verdict))</td></tr>\n"
    }
}
