import Foundation
import NIOHTTP1
import ReplayJournal
import ReplayServer
import Scenarios
import Testing

/// `tts-replay serve` as a separate process, the way a client in another language uses it.
@Suite("tts-replay serve")
struct CommandLineTests {
    @Test func printsOneJSONLineServesAndFlushesTheJournalOnSIGTERM() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let journalPath = directory.appendingPathComponent("journal.sqlite").path

        let serve = try await ServeProcess.with(["--journal", journalPath]) { serve in
            let keys = try JSONSerialization.jsonObject(with: Data(serve.line.utf8)) as? [String: Any]
            #expect(
                Set(keys?.keys ?? [:].keys) == [
                    "base_url", "admin_url", "app_key", "app_secret", "access_token", "shop_cipher", "shop_id", "journal",
                ]
            )
            #expect(serve.announcement.journal == journalPath)
            #expect(serve.announcement.baseURL.hasPrefix("http://127.0.0.1:"))
            #expect(serve.announcement.adminURL == serve.announcement.baseURL + "/__admin")
            let answer = try await serve.client.listShops()
            #expect(answer.status == 200)
            return serve
        }
        #expect(serve.process.termination == .exited(0), "SIGTERM is a clean stop")
        let reader = try JournalReader(path: journalPath)
        #expect(try await reader.count() == 1)
        #expect(try await reader.entries().first?.responseStatus == 200)
    }

    /// The listing flow for a GB product on the v2 tree, as a client in any language walks it.
    @Test func walksTheWholeV2ListingFlowAgainstServe() async throws {
        try await ServeProcess.with { serve in try await walkListingFlow(serve.client) }
    }

    func walkListingFlow(_ client: SignedClient) async throws {
        let categories = try await client.call(.GET, "/product/202309/categories", query: ["category_version": "v2"]).data
        #expect((categories["categories"]?.array?.count ?? 0) > 100)

        let recommended = try await client.call(
            .POST,
            "/product/202309/categories/recommend",
            json: ["product_title": "Women's merino wool crew neck jumper", "category_version": "v2"]
        ).data
        let leafID = try #require(recommended["leaf_category_id"]?.string)

        let rules = try await client.call(.GET, "/product/202309/categories/\(leafID)/rules", query: ["category_version": "v2"]).data
        #expect(rules["size_chart"] != nil)
        let attributes = try await client.call(.GET, "/product/202309/categories/\(leafID)/attributes", query: ["category_version": "v2"]).data
        let required = attributes["attributes"]?.array?.filter { $0["is_requried"]?.bool == true } ?? []
        let brands = try await client.call(
            .GET,
            "/product/202309/brands",
            query: ["page_size": "100", "category_id": leafID, "category_version": "v2", "is_authorized": "1"]
        ).data
        let brandID = try #require(brands["brands"]?[0]?["id"]?.string)

        var body: [String: Any] = [
            "title": "Women's Merino Wool Crew Neck Jumper",
            "description": "<p>Soft merino.</p>",
            "category_id": leafID,
            "category_version": "v2",
            "brand_id": brandID,
            "main_images": [["uri": "tos-maliva-i-o3syd03w52-eu/jumper"]],
            "product_attributes": required.map { attribute in
                ["id": attribute["id"]?.string ?? "", "values": [["id": attribute["values"]?[0]?["id"]?.string ?? "", "name": "x"]]]
            },
            "certifications": (rules["product_certifications"]?.array ?? []).filter { $0["is_required"]?.bool == true }.map {
                ["id": $0["id"]?.string ?? ""]
            },
            "skus": [
                [
                    "seller_sku": "JUMPER-M", "price": ["amount": "49.00", "currency": "GBP"],
                    "inventory": [["warehouse_id": "7068517275539719942", "quantity": 20]],
                ]
            ],
        ]
        if rules["size_chart"]?["is_required"]?.bool == true { body["size_chart"] = ["image": ["uri": "tos-maliva-i-o3syd03w52-eu/size-chart"]] }
        let created = try await client.call(.POST, "/product/202309/products", json: body).data
        let productID = try #require(created["product_id"]?.string)

        let found = try await client.call(.POST, "/product/202502/products/search", query: ["page_size": "20"], json: ["category_version": "v2"]).data
        #expect(found["products"]?.array?.compactMap { $0["id"]?.string } == [productID])

        body["title"] = "Women's Merino Wool Crew Neck Jumper, Navy"
        let edited = try await client.call(.PUT, "/product/202309/products/\(productID)", json: body)
        #expect(edited.code == 0)
        let product = try await client.call(.GET, "/product/202309/products/\(productID)").data
        #expect(product["title"]?.string == "Women's Merino Wool Crew Neck Jumper, Navy")
        #expect(product["category_chains"]?.array?.last?["id"]?.string == leafID)

        body["category_version"] = "v1"
        body["category_id"] = "601226"
        let v1 = try await client.call(.POST, "/product/202309/products", json: body)
        #expect(v1.code == 12052217)
    }

    /// The upgrade flow as a client in another language drives it: webhook address on the
    /// command line, the clock moved and the webhooks awaited over the admin API.
    ///
    /// The default scenario with a 60 s acknowledgement timeout (3 s by default, in real time):
    /// under the whole suite's load, the receiver in this process once answered later than 3 s,
    /// and the retry made a fourth delivery, as it should, which this test does not count on.
    @Test func upgradeFlowOverTheAdminAPIWithAWebhookURL() async throws {
        let scenario = try Scenario.default
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("default-patient.yaml")
        let text = try String(contentsOf: ContractCommandTests.package.appendingPathComponent("scenarios/default.yaml"), encoding: .utf8)
        try (text + "\nwebhooks:\n  ack_timeout: 60s\n").write(to: file, atomically: true, encoding: .utf8)
        try await WebhookReceiver.with(appKey: scenario.app.key, appSecret: scenario.app.secret) { receiver in
            try await ServeProcess.with(["--scenario", file.path, "--webhook-url", receiver.url]) { serve in
                try await driveUpgrade(serve, receiver: receiver)
            }
        }
    }

    func driveUpgrade(_ serve: ServeProcess, receiver: WebhookReceiver) async throws {
        let admin = AdminClient(adminURL: serve.announcement.adminURL)
        let trigger = try await serve.client.call(.POST, "/product/202407/products/category_upgrade_task")
        #expect(trigger.code == 0)
        let moved = try await admin.call(.POST, "/clock/advance", json: #"{"by": "2h"}"#)
        #expect(moved.status == 200)
        let idle = try await admin.call(.POST, "/await", json: #"{"timeout_seconds": 10}"#)
        #expect(idle.json["idle"]?.bool == true)
        #expect(receiver.received.count == 3)
        #expect(receiver.received.allSatisfy(receiver.isSigned))
        let webhooks = try await admin.call(.GET, "/webhooks")
        #expect(webhooks.json["deliveries"]?.array?.count == 3)
        #expect(webhooks.json["pending"]?.array == [])
    }

    @Test func lintReportsEveryBrokenFileAndExits1() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name: x\nshops:\n  - id: \"1\"\n    regoin: GB\n".write(
            to: directory.appendingPathComponent("typo.yaml"),
            atomically: true,
            encoding: .utf8
        )
        try Data([0xFF, 0x00, 0xFE]).write(to: directory.appendingPathComponent("binary.yaml"))
        try "".write(to: directory.appendingPathComponent("empty.yml"), atomically: true, encoding: .utf8)
        try "name: fine\n".write(to: directory.appendingPathComponent("fine.json"), atomically: true, encoding: .utf8)
        try "format: 1\ninteractions:\n  - request: {method: GET, path: /a}\n    response: {status: 99}\n".write(
            to: directory.appendingPathComponent("cassette.yaml"),
            atomically: true,
            encoding: .utf8
        )

        let broken = try await ToolRun.run(["lint", directory.path])
        #expect(broken.status == 1)
        let lines = broken.output.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("typo.yaml:4:5: error: unknown key 'regoin'; did you mean 'region'? (at shops[0].regoin)") })
        #expect(lines.contains { $0.hasSuffix("binary.yaml:1:1: error: the file is not UTF-8 text (byte 0xFF at 1:1)") })
        #expect(lines.contains { $0.hasSuffix("empty.yml: error: the file is empty") })
        #expect(!lines.contains { $0.contains("fine.json") })
        #expect(
            lines.contains {
                $0.hasSuffix("cassette.yaml:4:24: error: status 99 is not an HTTP status (100 to 599) (at interactions[0].response.status)")
            },
            "\(lines)"
        )

        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized
        let shipped = try await ToolRun.run([
            "lint", package.appendingPathComponent("scenarios").path, package.appendingPathComponent("cassettes").path,
        ])
        #expect(shipped.status == 0, "\(shipped.output)")
        #expect(try await ToolRun.run(["lint", directory.appendingPathComponent("missing.yaml").path]).status == 2)
    }

    /// The issue's example as a new user tried it: a misspelt key, a missing title and a bad
    /// duration, printed all three in file order in one run.
    @Test func lintPrintsEveryProblemOfAFileInFileOrder() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-lint-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try "webhooks:\n  delay: soon\nshops:\n  - id: \"1\"\n    regoin: GB\nproducts:\n  - id: p1\n    category_id: \"601226\"\n".write(
            to: file,
            atomically: true,
            encoding: .utf8
        )
        let run = try await ToolRun.run(["lint", file.path])
        #expect(run.status == 1)
        #expect(
            run.output.split(separator: "\n") == [
                "\(file.path):2:10: error: 'soon' is not a duration; write it as 90s, 40m, 24h, -3d or 1h30m (at webhooks.delay)",
                "\(file.path):5:5: error: unknown key 'regoin'; did you mean 'region'? (at shops[0].regoin)",
                "\(file.path):7:5: error: missing required key 'title' (at products[0])",
            ]
        )
        #expect(run.errors.contains("1 file checked, 3 problems"))
    }

    @Test func unknownScenarioExitsWithStatus2AndSaysWhy() async throws {
        let run = try await ToolRun.run(["serve", "--scenario", "defualt"])
        #expect(run.status == 2)
        #expect(run.errors.contains("did you mean 'default'?"))
    }

    @Test(arguments: ["serve", "run"])
    func aScenarioThatDoesNotLoadExitsWithStatus2(command: String) async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).yaml")
        try "name: broken\nshops: [\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let client = command == "run" ? ["--", "true"] : []
        let unknown = try await ToolRun.run([command, "--scenario", "defualt"] + client)
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("did you mean 'default'?"))
        let broken = try await ToolRun.run([command, "--scenario", file.path] + client)
        #expect(broken.status == 2)
        #expect(broken.errors.contains("\(file.path):3:1: error:"))
    }

    @Test func recordRefusesToReplaceACassetteWithStatus2() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("existing-\(UUID().uuidString).yaml")
        try "format: 1\ninteractions: []\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try await ToolRun.run(["record", "--upstream", "http://127.0.0.1:1", "--cassette", file.path])
        #expect(run.status == 2)
        #expect(run.errors.contains("exists; pass --append to add to it or --overwrite to replace it"))
    }

    @Test func badOptionExitsWithStatus2() async throws {
        #expect(try await ToolRun.run(["serve", "--port", "70000"]).status == 2)
    }

    /// `catalogue --path` on something that holds no catalogue checks nothing, which is no pass.
    @Test func aCatalogueFolderThatHoldsNoMarketExitsWithStatus2() async throws {
        try await TemporaryFolder.with("catalogue-path") { folder in
            let file = folder.appendingPathComponent("market.yaml")
            try "name: x\n".write(to: file, atomically: true, encoding: .utf8)
            for (path, message) in [
                (folder.appendingPathComponent("missing").path, "no such catalogue folder"), (folder.path, "no market folder"),
                (file.path, "not a folder"),
            ] {
                let run = try await ToolRun.run(["catalogue", "--path", path])
                #expect(run.status == 2 && run.errors.contains("\(path): error: \(message)"), "\(run.errors)")
            }
        }
    }

    /// A timeout beyond its limit is a usage error; `run --client-timeout 9223372036854775807`
    /// crashed (the watchdog's sleep overflowed the clock's nanoseconds).
    @Test(arguments: [
        ["run", "--client-timeout", "9223372036854775807", "--", "true"], ["run", "--settle-timeout", "86401", "--", "true"],
        ["run", "--client-timeout", "0", "--", "true"], ["conform", "--request-timeout", "1e300", "x.yaml"],
    ])
    func aTimeoutPastItsLimitExitsWithStatus2(_ arguments: [String]) async throws {
        let run = try await ToolRun.run(arguments)
        #expect(run.status == 2)
        #expect(run.errors.contains("-timeout must be"), "\(run.errors)")
    }
}
