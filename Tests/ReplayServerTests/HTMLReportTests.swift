import ContractJudge
import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// The HTML report (`--html`): what a person reads when a run fails, safe with a hostile
/// client's journal, and self-contained.
@Suite("HTML report")
struct HTMLReportTests {
    /// The page of a run, judged and read while the server still runs.
    static func page(_ work: (ReplayServer) async throws -> Void) async throws -> (ContractReport, String) {
        try await withReplayServer(scenario: try .default) { server in
            try await work(server)
            await server.journal.flush()
            let report = try await Contract.l7.judge(server.journal.reader)
            return (report, report.html(timeline: try await RunTimeline(journal: server.journal.reader)))
        }
    }

    /// Headers and request lines are bounded per entry, as bodies are: 20 calls with 40 KiB of
    /// headers and a 30 KiB query each make a page of a few hundred KiB, not 1.4 MiB.
    @Test func largeHeadersAndQueriesAreCutOnThePage() async throws {
        let big = String(repeating: "h", count: 40 * 1024)
        let (_, page) = try await Self.page { server in
            var options = SignedClient.Options()
            options.extraHeaders = ["x-big": big, "x-other": "kept"]
            options.extraQuery = ["note": String(repeating: "q", count: 30 * 1024)]
            for _ in 0..<20 { _ = try await SignedClient(server: server).send(.GET, "/authorization/202309/shops", options: options) }
        }
        #expect(page.utf8.count < 400 * 1024, "the page is \(page.utf8.count) bytes")
        #expect(page.contains("the journal has them all"))
        #expect(page.contains("x-other") && page.contains("kept"), "headers before the cut are shown")
    }

    /// Text as it reads inside the page's markup.
    static func inMarkup(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test func aViolationShowsTheClauseItsEvidenceAndTheFix() async throws {
        let (report, html) = try await Self.page { server in
            _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
        }
        let result = try #require(report.result("l7.v2-on-listing"))
        let request = try #require(result.violations.first?.request)
        #expect(html.contains("contract l7 on scenario &#39;default&#39;: <span class=\"word\">FAILED</span>"))
        #expect(html.contains("<li class=\"clause violated\" data-clause=\"l7.v2-on-listing\">"))
        #expect(html.contains("journal entry <a data-entry=\"1\">1</a>: <code>\(Self.inMarkup(request))</code>"))
        #expect(html.contains("fix: \(Self.inMarkup(result.hint))"))
        for clause in report.results { #expect(html.contains("data-clause=\"\(clause.id)\"")) }
        #expect(html.contains("<script type=\"application/json\" class=\"run-data\">"))
        #expect(html.contains(#""lane":"get_categories""#))
    }

    @Test func hostileJournalContentIsEscaped() async throws {
        let hostile = #"{"title":"</script><script>alert(1)</script><!--"}"#
        let (_, html) = try await Self.page { server in
            _ = try await SignedClient(server: server).send(.POST, "/product/202309/products", body: hostile, shopScoped: true)
            let port = try #require(server.baseURL.port)
            let request = "GET /product/\"<>&x?q=\"<>& HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Evil: </script><img src=x>\r\nConnection: close\r\n\r\n"
            _ = try await RawHTTP.exchange(Array(request.utf8), port: port)
        }
        #expect(html.contains(#"\u003cscript\u003ealert(1)"#), "the hostile body is in the page's data, escaped")
        #expect(!html.contains("alert(1)</script>"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img src=x>"))
        #expect(!html.contains("\"<>&"))
        #expect(!html.contains("<!--"))
        // The page's own scripts only: the run's data and the viewer.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        #expect(html.components(separatedBy: "</script>").count - 1 == 2)
    }

    @Test func thePageLoadsNothingFromOutside() async throws {
        let (_, html) = try await Self.page { server in
            _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v2"])
        }
        let external = try Regex(#"(?i)(src|href)\s*=\s*["']?\s*(https?:)?//"#)
        #expect(html.firstMatch(of: external) == nil)
        #expect(!html.contains("@import") && !html.contains("url("))
        #expect(html.contains("default-src 'none'"))
    }

    @Test func aSuitePageHoldsTheMatrixAndEachScenariosReport() async throws {
        var runs: [SuiteReport.ScenarioRun] = []
        for (name, version) in [("first", "v1"), ("second", "v2")] {
            let (report, _) = try await Self.page { server in
                _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": version])
            }
            runs.append(SuiteReport.ScenarioRun(scenario: name, expectedViolations: [], report: report, problem: nil, seconds: 1))
        }
        runs.append(SuiteReport.ScenarioRun(scenario: "<broken>", expectedViolations: [], report: nil, problem: "did not start", seconds: 0))
        let html = SuiteReport(suite: "mine", contract: .l7, runs: runs, requiredCoverage: []).html
        #expect(html.contains("suite mine, contract l7: <span class=\"word\">FAILED</span>"))
        for (number, name) in ["first", "second", "&lt;broken&gt;"].enumerated() {
            #expect(html.contains("<a href=\"#run-\(number)\">\(name)</a>"))
            #expect(html.contains("<section class=\"run\" id=\"run-\(number)\">"))
        }
        #expect(html.contains("scenario first: <span class=\"word\">FAILED</span>"))
        #expect(html.contains("did not start"))
    }

    @Test func runVerifyAndSuiteWriteTheirPage() async throws {
        try await TemporaryFolder.with("contract-cli") { folder in
            let page = folder.appendingPathComponent("run.html").path
            let run = try await ToolRun.run([
                "run", "--scenario", "happy-path-gb", "--html", page, "--", "python3", ContractCommandTests.client, "--v1",
            ])
            #expect(run.status == 1, "\(run.errors)")
            let runPage = try String(contentsOfFile: page, encoding: .utf8)
            #expect(runPage.contains("data-clause=\"l7.v2-on-listing\""))
            #expect(runPage.contains("class=\"run-data\""))

            let journal = folder.appendingPathComponent("run.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: journal)) { server in
                _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
            }
            let verified = folder.appendingPathComponent("verify.html").path
            #expect(try await ToolRun.run(["verify", journal, "--html", verified]).status == 1)
            #expect(try String(contentsOfFile: verified, encoding: .utf8).contains("contract l7 on scenario &#39;default&#39;"))

            let suiteFile = folder.appendingPathComponent("two.suite.yaml")
            try Data("scenarios: [happy-path-gb, happy-path-jp]\n".utf8).write(to: suiteFile)
            let suite = folder.appendingPathComponent("suite.html").path
            let suiteRun = try await ToolRun.run(["suite", suiteFile.path, "--html", suite, "--", "python3", ContractCommandTests.client])
            #expect(suiteRun.status == 0, "\(suiteRun.output)")
            let suitePage = try String(contentsOfFile: suite, encoding: .utf8)
            #expect(suitePage.contains("<table class=\"matrix\">"), "\(suiteRun.errors)")
            #expect(suitePage.contains("<a href=\"#run-0\">happy-path-gb</a>") && suitePage.contains("<a href=\"#run-1\">happy-path-jp</a>"))
            #expect(suitePage.components(separatedBy: "class=\"run-data\"").count - 1 == 2)
        }
    }
}
