import ContractAssertions
import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
import ReplayJournal
#endif

/// Every scenario shipped in `scenarios/` loads and serves a signed call.
@Suite("Shipped scenarios")
struct ShippedScenariosTests {
    @Test(arguments: Scenario.builtInNames)
    func servesASignedShopsCall(_ name: String) async throws {
        let scenario = try Scenario.builtIn(named: name)
        try await withReplayServer(scenario: scenario) { server in
            var components = URLComponents(url: server.baseURL.appendingPathComponent("authorization/202309/shops"), resolvingAgainstBaseURL: false)!
            let query = ["app_key": server.credentials.appKey, "timestamp": "\(Int(Date().timeIntervalSince1970))"]
            let sign = RequestSignature.sign(path: components.path, query: query, appSecret: server.credentials.appSecret)
            components.queryItems = (query.map { URLQueryItem(name: $0.key, value: $0.value) } + [URLQueryItem(name: "sign", value: sign)])
            var request = URLRequest(url: components.url!)
            request.setValue(server.credentials.accessToken, forHTTPHeaderField: "x-tts-access-token")
            let (data, response) = try await URLSession.shared.data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            let envelope = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(envelope?["code"] as? Int == 0)
            #expect(try await server.journal.entries().count == 1)
        }
    }
}
