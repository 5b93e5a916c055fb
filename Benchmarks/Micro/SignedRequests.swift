import Foundation
import ReplayServer
import Scenarios

/// Requests signed for the built-in default scenario, as a client sends them: a GET without a
/// body and a POST with a JSON body, timestamped now.
struct SignedRequest {
    var method: String
    var path: String
    var rawQuery: String
    var accessToken: String
    var contentType: String?
    var body: [UInt8]

    /// The request as it goes on the wire, HTTP/1.1.
    var http: [UInt8] {
        var head = "\(method) \(path)?\(rawQuery) HTTP/1.1\r\nHost: benchmark\r\nx-tts-access-token: \(accessToken)\r\n"
        if let contentType { head += "content-type: \(contentType)\r\n" }
        if !body.isEmpty { head += "content-length: \(body.count)\r\n" }
        return Array((head + "\r\n").utf8) + body
    }

    static func get(in scenario: Scenario) -> SignedRequest {
        signed(method: "GET", path: "/authorization/202309/shops", query: [:], body: [], in: scenario)
    }

    static func search(in scenario: Scenario) -> SignedRequest {
        signed(
            method: "POST",
            path: "/product/202502/products/search",
            query: ["shop_cipher": scenario.primaryShop.cipher, "page_size": "20", "category_version": "v2"],
            body: Array(#"{"status":"ACTIVATE","page_token":"b2Zmc2V0PTIw"}"#.utf8),
            in: scenario
        )
    }

    private static func signed(method: String, path: String, query: [String: String], body: [UInt8], in scenario: Scenario) -> SignedRequest {
        var query = query
        query["app_key"] = scenario.app.key
        query["timestamp"] = String(Int(Date().timeIntervalSince1970))
        query["sign"] = RequestSignature.sign(path: path, query: query, body: body, appSecret: scenario.app.secret)
        return SignedRequest(
            method: method,
            path: path,
            rawQuery: query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&"),
            accessToken: scenario.primaryToken.value,
            contentType: body.isEmpty ? nil : "application/json",
            body: body
        )
    }
}
