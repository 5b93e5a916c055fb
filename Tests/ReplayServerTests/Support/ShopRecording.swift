import Foundation
import NIOHTTP1
import ReplayServer
import Scenarios

/// A client's reading of a shop recorded through `Recorder` in front of a tts-replay server on
/// a scenario: what a team records against its real shop, made here against the simulator.
enum ShopRecording {
    /// Records Get Authorized Shops, then for every shop Search Products on both trees (and with
    /// no version) and Get Product for each product found, into a cassette at `path`; the
    /// recorder redacts the access token, the signs and the app secret, as `record` does.
    static func record(_ scenario: Scenario, to path: String) async throws {
        try await withReplayServer(scenario: scenario) { upstream in
            let recorder = try await Recorder.start(
                .init(upstream: upstream.baseURL, cassettePath: path, secrets: [upstream.credentials.appSecret])
            )
            do {
                try await read(SignedClient(baseURL: recorder.baseURL.absoluteString, credentials: upstream.credentials))
                try await recorder.stop()
            } catch {
                try? await recorder.stop()
                throw error
            }
        }
    }

    /// The calls of a client that reads the whole shop.
    static func read(_ client: SignedClient) async throws {
        let shops = try await client.listShops().data["shops"]?.array ?? []
        for shop in shops {
            guard let cipher = shop["cipher"]?.string else { continue }
            var products: [String] = []
            for version in ["v1", "v2", nil] {
                var options = SignedClient.Options()
                options.shopCipher = cipher
                options.extraQuery = ["page_size": "100"]
                let body = version.map { #"{"category_version":"\#($0)"}"# } ?? "{}"
                let found = try await client.send(.POST, "/product/202502/products/search", body: body, shopScoped: true, options: options).data
                for product in found["products"]?.array ?? [] {
                    if let id = product["id"]?.string, !products.contains(id) { products.append(id) }
                }
            }
            for id in products {
                var options = SignedClient.Options()
                options.shopCipher = cipher
                _ = try await client.send(.GET, "/product/202309/products/\(id)", shopScoped: true, options: options).data
            }
        }
    }
}
