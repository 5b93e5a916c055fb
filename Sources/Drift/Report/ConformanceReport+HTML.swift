import ContractJudge

extension ConformanceReport {
    /// The report as one self-contained HTML page, in the contract report's style: the summary,
    /// a table per differing operation (most serious first), and the operations that conform.
    package var html: String {
        let verdict = hasDifferences ? "DIFFERS" : "CONFORMS"
        var body = """
            <main>
            <div class="verdict \(hasDifferences ? "failed" : "passed")"><h1>tts-replay conform: <span class="word">\(verdict)</span></h1>
            \(summary.split(separator: "\n").map { "<p>\(HTMLText.escaped(String($0)))</p>" }.joined())</div>

            """
        for operation in operations where !operation.findings.isEmpty {
            body += """
                <section class="operation"><h2><code>\(HTMLText.escaped(operation.name))</code> \
                <span class="severity">\(HTMLText.escaped(operation.request)), \(operation.recorded) recorded, \(operation.comparedShapes) compared by shape</span></h2>
                <table class="drift"><tr><th>severity</th><th>kind</th><th>what</th><th>production</th><th>simulator</th><th>seen at</th></tr>

                """
            for finding in operation.findings {
                let count = finding.count > 1 ? " ×\(finding.count)" : ""
                body += """
                    <tr><td class="\(finding.severity.rawValue)">\(finding.severity.rawValue)</td><td>\(finding.kind.rawValue)</td>\
                    <td><code>\(HTMLText.escaped(finding.subject))</code>\(count)</td><td>\(HTMLText.escaped(finding.production))</td>\
                    <td>\(HTMLText.escaped(finding.simulator))</td><td class="mono">\(HTMLText.escaped(finding.examples.joined(separator: ", ")))</td></tr>

                    """
            }
            body += "</table></section>\n"
        }
        let conforming = operations.filter(\.findings.isEmpty)
        if !conforming.isEmpty {
            body += "<section class=\"operation conforms\"><h2>Conform</h2><p>"
            body += conforming.map { "<code>\(HTMLText.escaped($0.name))</code>" }.joined(separator: ", ") + "</p></section>\n"
        }
        if !notes.isEmpty {
            body += "<h2>Notes</h2><ul>" + notes.map { "<li>\(HTMLText.escaped($0))</li>" }.joined() + "</ul>\n"
        }
        return ReportPage.document(title: "tts-replay conform: \(verdict)", body: body + "</main>")
    }
}
