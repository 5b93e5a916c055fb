extension ContractReport {
    /// The report as one self-contained HTML page: the verdict, each clause with its status,
    /// evidence and fix, and the run's timeline on the scenario clock, where selecting an entry
    /// shows its request and response.
    ///
    /// - Parameters:
    ///   - timeline: What the journal holds of the run, read before the journal closed; nil
    ///     leaves the timeline out.
    ///   - liveCursor: For the live dashboard: the journal's record count the page shows; the
    ///     page reloads when it moves.
    public func html(timeline: RunTimeline?, liveCursor: Int? = nil) -> String {
        ReportPage.document(title: "tts-replay: \(verdictLine)", body: htmlSection(number: 0, timeline: timeline), liveCursor: liveCursor)
    }

    /// `contract l7 on scenario 'x': PASSED`.
    var verdictLine: String {
        "contract \(contract) on scenario '\(scenario)': \(passed ? "PASSED" : "FAILED")"
    }

    /// The counts of the summary line: `5 passed, 1 violated (1 error), 8 not exercised`.
    var counts: String {
        let violated = results.filter { $0.status == .violated }
        let errors = violated.filter { $0.severity == .error }.count
        return "\(ids(.passed).count) passed, \(violated.count) violated (\(errors) error\(errors == 1 ? "" : "s")), "
            + "\(ids(.notExercised).count) not exercised"
    }

    /// The report's section of a page: a run page holds one, a suite page one per scenario.
    func htmlSection(number: Int, timeline: RunTimeline?, heading: String? = nil, problem: String? = nil) -> String {
        var html = """
            <section class="run" id="run-\(number)">
            <div class="verdict \(passed ? "passed" : "failed")"><h1>\(HTMLText.escaped(heading ?? "contract \(contract) on scenario '\(scenario)'")): \
            <span class="word">\(passed ? "PASSED" : "FAILED")</span></h1><p>\(counts)</p>\
            \(problem.map { "<p class=\"problem\">\(HTMLText.escaped($0))</p>" } ?? "")</div>
            <h2>Clauses</h2>
            <ol class="clauses">

            """
        for result in results { html += Self.htmlClause(result) }
        html += "</ol>\n<h2>Timeline of the run</h2>\n"
        if let timeline {
            html +=
                "<div class=\"timeline-view\"></div>\n<script type=\"application/json\" class=\"run-data\">\(HTMLText.scriptJSON(timeline))</script>\n"
        } else {
            html += "<p class=\"why\">The journal was not read, so there is no timeline.</p>\n"
        }
        return html + "</section>\n"
    }

    /// One clause: status, id, title, severity, then its violations with their evidence and the fix.
    static func htmlClause(_ result: ClauseResult) -> String {
        let status = result.status == .notExercised ? "not exercised" : result.status.rawValue
        var html = """
            <li class="clause \(result.status.rawValue)" data-clause="\(HTMLText.escaped(result.id))"><span class="status">\(status)</span> \
            <code>\(HTMLText.escaped(result.id))</code> \(HTMLText.escaped(result.title)) <span class="severity">\(result.severity.rawValue)</span>

            """
        for violation in result.violations.prefix(shownViolations) { html += htmlViolation(violation) }
        if result.violations.count > shownViolations {
            html += "<details><summary>\(result.violations.count - shownViolations) more violations</summary>\n"
            for violation in result.violations.dropFirst(shownViolations) { html += htmlViolation(violation) }
            html += "</details>\n"
        }
        if result.status == .violated { html += "<p class=\"fix\">fix: \(HTMLText.escaped(result.hint))</p>\n" }
        if let reason = result.notExercisedBecause { html += "<p class=\"why\">not exercised: \(HTMLText.escaped(reason))</p>\n" }
        if !result.facts.isEmpty { html += "<p class=\"facts\">facts: \(HTMLText.escaped(result.facts))</p>\n" }
        return html + "</li>\n"
    }

    /// How many violations of a clause show at once; the rest wait behind a disclosure, so a
    /// client that breaks a clause on every call still gets a readable page.
    static let shownViolations = 3

    /// One violation: the message, its evidence (linked to the timeline) and what was expected.
    static func htmlViolation(_ violation: ContractViolation) -> String {
        var html = "<div class=\"violation\"><p>\(HTMLText.escaped(violation.message))</p>\n"
        if !violation.entries.isEmpty {
            let links = violation.entries.map { "<a data-entry=\"\($0)\">\($0)</a>" }.joined(separator: ", ")
            html += "<p class=\"evidence\">journal entr\(violation.entries.count == 1 ? "y" : "ies") \(links)"
            html += violation.request.map { ": <code>\(HTMLText.escaped($0))</code>" } ?? ""
            html += "</p>\n"
        }
        if let notification = violation.notification {
            let id = HTMLText.escaped(notification)
            html += "<p class=\"evidence\">webhook notification <a data-notification=\"\(id)\"><code>\(id)</code></a></p>\n"
        }
        html += "<p>expected: \(HTMLText.escaped(violation.expected))</p></div>\n"
        return html
    }
}
