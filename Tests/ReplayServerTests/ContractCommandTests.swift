import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios
import Testing

/// `tts-replay run` and `verify`, and `GET /__admin/contract`, as a new user meets them.
@Suite("Contract commands")
struct ContractCommandTests {
    static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
    static let client = package.appendingPathComponent("examples/l7_client.py").path

    @Test func runExitsZeroForAGoodClientAndOneWithTheClauseTheRequestAndTheFixForV1() async throws {
        try await TemporaryFolder.with("contract-cli") { folder in
            let junit = folder.appendingPathComponent("report.xml").path
            let json = folder.appendingPathComponent("report.json").path
            let good = try await ToolRun.run(["run", "--scenario", "happy-path-gb", "--junit", junit, "--json", json, "--", "python3", Self.client])
            #expect(good.status == 0, "\(good.errors)")
            #expect(good.errors.contains("contract l7 on scenario 'happy-path-gb': 5 passed, 0 violated, 10 not exercised"))
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(report["passed"] == .bool(true))
            #expect(report["results"]?.array?.count == 15)
            #expect(
                try String(contentsOfFile: junit, encoding: .utf8).contains(#"<testsuites name="tts-replay" tests="15" failures="0" skipped="10">"#)
            )

            let bad = try await ToolRun.run(["run", "--scenario", "happy-path-gb", "--junit", junit, "--", "python3", Self.client, "--v1"])
            #expect(bad.status == 1)
            #expect(bad.errors.contains("error: l7.v2-on-listing: get_categories sent category_version=v1 on a GB shop, whose market requires v2"))
            #expect(bad.errors.contains("  --> journal entry 1: GET /product/202309/categories?"))
            #expect(bad.errors.contains("  fix: Send category_version=v2"))
            #expect(try String(contentsOfFile: junit, encoding: .utf8).contains(#"type="l7.v2-on-listing""#))
        }
    }

    /// A client that leaves while its clock move is still delivering webhooks (to a receiver
    /// that never answers) gets a verdict only after `--settle-timeout`, and is told the run
    /// had not settled (it once got a silent verdict on half the deliveries).
    @Test func runWarnsWhenTheRunHasNotSettled() async throws {
        let signed = Self.package.appendingPathComponent("examples/signed_request.py").path
        let silent = try HeldPort(silent: true)  // outlives the client: its deliveries wait for their deadline
        defer { silent.close() }
        let script = """
            import json, os, subprocess, sys, threading, time, urllib.request
            config = json.dumps({k: os.environ["TTS_" + k.upper()] for k in ["base_url", "app_key", "app_secret", "access_token", "shop_cipher"]})
            def call(path, *args):
                subprocess.run([sys.executable, "\(signed)", "-", path, *args], input=config, text=True, check=True, capture_output=True)
            call("/event/202309/webhooks", "--method", "PUT", "--body",
                 json.dumps({"address": "http://127.0.0.1:\(silent.port)/hook", "event_type": "PRODUCT_CATEGORY_CHANGE"}))
            call("/product/202407/products/category_upgrade_task", "--method", "POST")
            move = urllib.request.Request(os.environ["TTS_ADMIN_URL"] + "/clock/advance", data=b'{"by": "2h1m"}', method="POST")
            threading.Thread(target=lambda: urllib.request.urlopen(move, timeout=120), daemon=True).start()
            time.sleep(1.5)
            """
        let result = try await ToolRun.run(["run", "--scenario", "happy-path-gb", "--settle-timeout", "1", "--", "python3", "-c", script])
        #expect(result.errors.contains("warning: webhooks or a clock move were still under way after --settle-timeout 1 s"), "\(result.errors)")
    }

    /// The Python reference client runs the whole upgrade flow, edits and their audits included, moving the scenario
    /// clock through the admin API.
    @Test(arguments: ["slow-webhook", "too-new-for-24h", "forged-webhook", "rate-limited", "failed-upgrade", "eu-compliance-de", "audit-delays-edit"])
    func thePythonReferenceClientPasses(_ scenario: String) async throws {
        let client = Self.package.appendingPathComponent("examples/reference_client.py").path
        let result = try await ToolRun.run(["run", "--scenario", scenario, "--", "python3", client])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("0 violated"))
    }

    @Test func runExitsThreeWhenTheClientFailsAndTwoForUsageErrors() async throws {
        #expect(try await ToolRun.run(["run", "--", "false"]).status == 3)
        #expect(try await ToolRun.run(["run", "--", "/nonexistent/client"]).status == 3)
        let unknown = try await ToolRun.run(["run", "--scenario", "defualt", "--", "true"])
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("did you mean 'default'?"))
        #expect(try await ToolRun.run(["run"]).status == 2)
        #expect(try await ToolRun.run(["run", "--contract", "l8", "--", "true"]).status == 2)
    }

    @Test func verifyJudgesAJournalFileWrittenEarlier() async throws {
        try await TemporaryFolder.with("contract-cli") { folder in
            let journal = folder.appendingPathComponent("run.sqlite").path
            try await withReplayServer(scenario: try .default, configuration: .init(journalPath: journal)) { server in
                _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
            }
            let json = folder.appendingPathComponent("report.json").path
            let verdict = try await ToolRun.run(["verify", journal, "--json", json])
            #expect(verdict.status == 1)
            #expect(verdict.errors.contains("error: l7.v2-on-listing"))
            let report = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
            #expect(report["passed"] == .bool(false))
            #expect(report["scenario"] == .string("default"))
            let missing = try await ToolRun.run(["verify", folder.appendingPathComponent("none.sqlite").path])
            #expect(missing.status == 2)
            #expect(missing.errors.contains("no such file"))
        }
    }

    @Test func theAdminAPIReportsTheContractAtAnyMoment() async throws {
        try await withReplayServer(scenario: try .default) { server in
            let admin = AdminClient(server: server)
            let before = try await admin.call(.GET, "/contract")
            #expect(before.status == 200)
            #expect(before.json["passed"] == .bool(true))
            #expect(before.json["results"]?[0]?["status"] == .string("not_exercised"))
            _ = try await SignedClient(server: server).call(.GET, "/product/202309/categories", query: ["category_version": "v1"])
            let after = try await admin.call(.GET, "/contract?contract=l7")
            #expect(after.json["passed"] == .bool(false))
            let listing = after.json["results"]?.array?.first { $0["id"] == .string("l7.v2-on-listing") }
            #expect(listing?["status"] == .string("violated"))
            #expect(listing?["violations"]?[0]?["entries"] == .array([.number(1)]))
            #expect(try await admin.call(.GET, "/contract?contract=l8").status == 400)
        }
    }
}
