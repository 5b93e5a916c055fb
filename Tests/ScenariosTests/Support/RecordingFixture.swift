import Foundation
import Scenarios

/// Hand-written recordings for the derivation's tests: cassette text in the layout `tts-replay
/// record` writes, with its placeholders, loaded from a temporary folder the fixture owns.
struct RecordingFixture {
    /// The folder the cassettes and derived files go to, removed by ``remove()``.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `body` with a fixture removed afterwards.
    static func with<T>(_ body: (RecordingFixture) throws -> T) throws -> T {
        let fixture = try RecordingFixture()
        defer { fixture.remove() }
        return try body(fixture)
    }

    /// Writes cassette text under a name and loads it as a recording.
    func cassette(_ name: String, text: String) throws -> Cassette {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try Cassette.loadRecording(contentsOf: url)
    }

    /// A cassette of the given interactions (each an item of `interactions:`, indented by two).
    func cassette(named name: String = "rec.yaml", recordedAt: String? = "2026-11-20T12:00:00Z", _ interactions: String...) throws -> Cassette {
        let recorded = recordedAt.map { "recorded: {at: '\($0)', from: 'https://open-api.tiktokglobalshop.com', with: tts-replay record}\n" } ?? ""
        return try cassette(name, text: "format: 1\n" + recorded + "interactions:\n" + interactions.joined())
    }

    /// Writes a derivation's scenario (and its leftover cassette) into the folder and loads it
    /// as `tts-replay serve` and `lint` would.
    func load(_ result: ScenarioDerivation.Result, name: String = "derived.yaml") throws -> Scenario {
        let url = folder.appendingPathComponent(name)
        try result.scenarioYAML.write(to: url, atomically: true, encoding: .utf8)
        if let leftover = result.leftover {
            try leftover.yaml.write(to: folder.appendingPathComponent(leftover.fileName), atomically: true, encoding: .utf8)
        }
        return try Scenario.load(contentsOf: url)
    }

    /// A derived scenario's text with its wrapped comments joined, so that a test can look for
    /// a sentence wherever the lines break.
    static func prose(_ yaml: String) -> String {
        yaml.replacing(#/\n *# /#, with: " ")
    }

    // MARK: - Interactions

    /// 2026-11-20T12:00:00Z, the default `recorded.at`, in Unix seconds.
    static let recordedAt: Int64 = 1_795_176_000

    /// One interaction: a request and an envelope answer (`data` as flow YAML).
    static func exchange(
        _ method: String,
        _ path: String,
        query: String = "",
        body: String? = nil,
        status: Int = 200,
        code: Int = 0,
        data: String = "{}"
    ) -> String {
        """
          - request:
              method: \(method)
              path: \(path)
              query: {app_key: 'abc123key', sign: '<redacted:sign:1>', timestamp: '1795170000'\(query.isEmpty ? "" : ", " + query)}
              headers: {x-tts-access-token: '<redacted:x-tts-access-token:2>'}
        \(body.map { "      body: \($0)\n" } ?? "")    response:
              status: \(status)
              body: {code: \(code), message: '\(code == 0 ? "Success" : "Refused")', request_id: 'r1', data: \(data)}

        """
    }

    /// Get Authorized Shops answering with shops (each a flow mapping).
    static func shops(_ shops: String...) -> String {
        exchange("GET", "/authorization/202309/shops", data: "{shops: [\(shops.joined(separator: ", "))]}")
    }

    /// The GB shop the fixtures use.
    static let gbShop = "{id: '7495000000000000001', name: 'Maple Shop', region: GB, seller_type: LOCAL, cipher: GCP_gb1, code: GBLC0001}"
    /// A DE shop.
    static let deShop = "{id: '7495000000000000002', name: 'Ahorn DE', region: DE, seller_type: CROSS_BORDER, cipher: GCP_de1, code: DECB0002}"

    /// Search Products (202502) on a shop, with a `category_version` in the body or none, listing products.
    static func search(cipher: String = "GCP_gb1", version: String? = nil, _ products: String...) -> String {
        exchange(
            "POST",
            "/product/202502/products/search",
            query: "page_size: '20', shop_cipher: \(cipher)",
            body: "{status: ALL" + (version.map { ", category_version: \($0)" } ?? "") + "}",
            data: "{total_count: \(products.count), next_page_token: '', products: [\(products.joined(separator: ", "))]}"
        )
    }

    /// A Search Products entry.
    static func listed(_ id: String, title: String = "Soy Candle", status: String = "ACTIVATE", created: Int64 = recordedAt - 3 * 86_400) -> String {
        "{id: '\(id)', title: '\(title)', status: \(status), create_time: \(created), update_time: \(created)}"
    }

    /// Get Product answering with a product on a leaf (the chain's last link).
    static func product(
        _ id: String,
        cipher: String = "GCP_gb1",
        title: String = "Soy Candle",
        status: String = "ACTIVATE",
        leaf: String = "600302",
        created: Int64 = recordedAt - 3 * 86_400,
        extra: String = ""
    ) -> String {
        exchange(
            "GET",
            "/product/202309/products/\(id)",
            query: "shop_cipher: \(cipher)",
            data: """
                {id: '\(id)', title: '\(title)', status: \(status), create_time: \(created), update_time: \(created), \
                category_chains: [{id: '600001', parent_id: '0', local_name: Home, is_leaf: false}, \
                {id: '\(leaf)', parent_id: '600001', local_name: Leaf, is_leaf: true}]\(extra.isEmpty ? "" : ", " + extra)}
                """
        )
    }
}
