import Foundation
import Scenarios
import Testing

/// `tts-replay scenario from-cassette CASSETTE... -o FILE` as a user runs it.
@Suite("tts-replay scenario from-cassette")
struct ScenarioFromCassetteCommandTests {
    /// A recording of happy-path-gb's shop with one call the simulator does not answer (an orders search).
    static func recording(in folder: URL) async throws -> URL {
        let url = folder.appendingPathComponent("recorded.yaml")
        try await ShopRecording.record(try Scenario.builtIn(named: "happy-path-gb"), to: url.path)
        var text = try String(contentsOf: url, encoding: .utf8)
        text += """
            - request:
                method: POST
                path: /order/202309/orders/search
                query: {shop_cipher: GCP_epfJBd0Kh8oOOL8dKLzdocJ2isAjIhKt}
              response:
                body: {code: 0, message: Success, request_id: r1, data: {orders: []}}

            """
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func writesTheScenarioAndItsCassetteWhichLintCleanAndRefusesToOverwrite() async throws {
        try await TemporaryFolder.with("from-cassette") { folder in
            let recording = try await Self.recording(in: folder)
            let output = folder.appendingPathComponent("my-shop.yaml").path
            let run = try await ToolRun.run(["scenario", "from-cassette", recording.path, "-o", output])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.contains("wrote \(output): 1 shop, 5 products, 0 market policies"), "\(run.output)")
            #expect(run.output.contains("my-shop-unsimulated.yaml: 1 recorded answers the simulator cannot produce"))
            let leftover = folder.appendingPathComponent("my-shop-unsimulated.yaml")
            #expect(FileManager.default.fileExists(atPath: leftover.path))

            let lint = try await ToolRun.run(["lint", output, leftover.path])
            #expect(lint.status == 0, "\(lint.output)\(lint.errors)")

            let again = try await ToolRun.run(["scenario", "from-cassette", recording.path, "-o", output])
            #expect(again.status == 2)
            #expect(again.errors.contains("exists; give --force to replace it"))
            let forced = try await ToolRun.run(["scenario", "from-cassette", recording.path, "-o", output, "--force"])
            #expect(forced.status == 0, "\(forced.errors)")

            let nowhere = folder.appendingPathComponent("no-such-folder/s.yaml").path
            let unwritable = try await ToolRun.run(["scenario", "from-cassette", recording.path, "-o", nowhere])
            #expect(unwritable.status != 0)
            #expect(unwritable.errors.contains("no-such-folder") && unwritable.errors.contains("does not exist"), "\(unwritable.errors)")
        }
    }

    /// The production-like fixtures name real TikTok category ids the built-in catalogue lacks:
    /// left out by default, kept on stand-in leaves when asked.
    @Test func productsOnCategoriesTheCatalogueLacksAreLeftOutOrStoodIn() async throws {
        try await TemporaryFolder.with("from-cassette") { folder in
            let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Fixtures/production-like")
            let recordings = ["shops.yaml", "products.yaml"].map { fixtures.appendingPathComponent($0).standardized.path }
            let output = folder.appendingPathComponent("prod.yaml").path
            let leftOut = try await ToolRun.run(["scenario", "from-cassette"] + recordings + ["-o", output])
            #expect(leftOut.status == 0, "\(leftOut.errors)")
            #expect(leftOut.output.contains("1 shop, 0 products"), "\(leftOut.output)")
            let stoodIn = try await ToolRun.run(["scenario", "from-cassette"] + recordings + ["-o", output, "--force", "--stand-in-categories"])
            #expect(stoodIn.status == 0, "\(stoodIn.errors)")
            #expect(stoodIn.output.contains("1 shop, 2 products"), "\(stoodIn.output)")
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains("stands in for 853000"))
            #expect(try await ToolRun.run(["lint", output]).status == 0)
        }
    }

    @Test func badInputExitsWithStatus2AndSaysWhy() async throws {
        try await TemporaryFolder.with("from-cassette") { folder in
            let output = folder.appendingPathComponent("out.yaml").path
            let missing = try await ToolRun.run(["scenario", "from-cassette", folder.appendingPathComponent("nope.yaml").path, "-o", output])
            #expect(missing.status == 2)
            #expect(missing.errors.contains("no such cassette"))

            let scenarioFile = folder.appendingPathComponent("shop.yaml")
            try "name: shop\n".write(to: scenarioFile, atomically: true, encoding: .utf8)
            let notCassette = try await ToolRun.run(["scenario", "from-cassette", scenarioFile.path, "-o", output])
            #expect(notCassette.status == 2)
            #expect(notCassette.errors.contains("shop.yaml:1:1: error: not a cassette"), "\(notCassette.errors)")

            let empty = folder.appendingPathComponent("empty.yaml")
            try "format: 1\ninteractions: []\n".write(to: empty, atomically: true, encoding: .utf8)
            let nothing = try await ToolRun.run(["scenario", "from-cassette", empty.path, "-o", output])
            #expect(nothing.status == 2)
            #expect(nothing.errors.contains("nothing to derive a scenario from"), "\(nothing.errors)")
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test func helpNamesTheCassetteWrittenBesideTheScenario() async throws {
        let help = try await ToolRun.run(["scenario", "from-cassette", "--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("<name>-unsimulated.yaml"))
    }
}
