import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReplayServer
import Scenarios

/// A small client for tests: builds the query a real client sends (app_key, timestamp, sign,
/// shop_cipher), signs it, and decodes the envelope. Every part can be left out or spoiled.
struct SignedClient {
    let baseURL: String
    let credentials: ClientCredentials

    init(baseURL: String, credentials: ClientCredentials) {
        self.baseURL = baseURL
        self.credentials = credentials
    }

    init(server: ReplayServer) {
        self.init(baseURL: server.baseURL.absoluteString, credentials: server.credentials)
    }

    /// What to put on a request; the defaults make a correct one.
    struct Options {
        var appKey: String?? = .none
        var timestamp: Int?? = .none
        /// Seconds added to the current time when the request is sent (ignored when `timestamp` is set):
        /// a skewed clock, computed at send time so that a test run late still sends the skew it means.
        var timestampOffset = 0
        var sign: String?? = .none
        var accessToken: String?? = .none
        var shopCipher: String?? = .none
        var extraQuery: [String: String] = [:]
        var rawQuerySuffix = ""
        var contentType = "application/json"
        var extraHeaders: [String: String] = [:]
    }

    func send(
        _ method: HTTPMethod,
        _ path: String,
        body: String? = nil,
        shopScoped: Bool = false,
        options: Options = Options()
    ) async throws -> Answer {
        try await send(method, path, bytes: body.map { Array($0.utf8) }, shopScoped: shopScoped, options: options)
    }

    /// A request with a body of any bytes; a `multipart/form-data` body is not signed, as the
    /// real API wants.
    func send(
        _ method: HTTPMethod,
        _ path: String,
        bytes body: [UInt8]?,
        shopScoped: Bool = false,
        options: Options = Options()
    ) async throws -> Answer {
        var query: [String: String] = options.extraQuery
        if let appKey = options.appKey ?? credentials.appKey { query["app_key"] = appKey }
        if let timestamp = options.timestamp ?? Int(Date().timeIntervalSince1970) + options.timestampOffset { query["timestamp"] = "\(timestamp)" }
        if let cipher = options.shopCipher ?? (shopScoped ? credentials.shopCipher : nil) { query["shop_cipher"] = cipher }
        let isMultipart = options.contentType.lowercased().hasPrefix("multipart/form-data")
        if let sign = options.sign
            ?? RequestSignature.sign(path: path, query: query, body: body ?? [], isMultipart: isMultipart, appSecret: credentials.appSecret)
        {
            query["sign"] = sign
        }
        var components = URLComponents()
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        let queryString = (components.percentEncodedQuery ?? "") + options.rawQuerySuffix

        var request = HTTPClientRequest(url: baseURL + path + "?" + queryString)
        request.method = method
        request.headers.add(name: "content-type", value: options.contentType)
        if let token = options.accessToken ?? credentials.accessToken {
            request.headers.add(name: "x-tts-access-token", value: token)
        }
        for (name, value) in options.extraHeaders.sorted(by: { $0.key < $1.key }) { request.headers.add(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let headers = Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        return Answer(status: Int(response.status.code), body: Data(buffer: bytes), headers: headers)
    }

    /// A signed call on the primary shop, with query parameters and a JSON body.
    func call(
        _ method: HTTPMethod,
        _ path: String,
        query: [String: String] = [:],
        json: [String: Any]? = nil,
        shopScoped: Bool = true
    ) async throws -> Answer {
        var options = Options()
        options.extraQuery = query
        let body = try json.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        return try await send(method, path, body: body, shopScoped: shopScoped, options: options)
    }

    /// A signed `GET /authorization/202309/shops`.
    func listShops() async throws -> Answer {
        try await send(.GET, "/authorization/202309/shops")
    }

    /// The request target of a signed `GET /authorization/202309/shops` (path and query), for
    /// tests that write requests by hand.
    func listShopsTarget() -> String {
        target("/authorization/202309/shops")
    }

    /// The request target (path and signed query) of a request without a body, for tests that
    /// write requests by hand; on the primary shop when `shopScoped`.
    func target(_ path: String, query extra: [String: String] = [:], shopScoped: Bool = false) -> String {
        var query = extra.merging(["app_key": credentials.appKey, "timestamp": "\(Int(Date().timeIntervalSince1970))"]) { $1 }
        if shopScoped { query["shop_cipher"] = credentials.shopCipher }
        query["sign"] = RequestSignature.sign(path: path, query: query, appSecret: credentials.appSecret)
        return path + "?" + query.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "&")
    }
}

/// An HTTP answer with its envelope decoded.
struct Answer {
    var status: Int
    var body: Data
    /// Response headers, names lower-cased.
    var headers: [String: String] = [:]

    var envelope: Envelope {
        get throws { try JSONDecoder().decode(Envelope.self, from: body) }
    }

    /// The envelope's code; -1 when the body is not an envelope.
    var code: Int {
        (try? envelope.code) ?? -1
    }

    /// The envelope's `data`, required to be there.
    var data: JSON {
        get throws {
            let envelope = try envelope
            guard envelope.code == 0, let data = envelope.data else {
                throw AnswerError(message: "expected success, got \(envelope.code) \(envelope.message)")
            }
            return data
        }
    }

    struct Envelope: Decodable {
        var code: Int
        var message: String
        var requestID: String
        var data: JSON?

        enum CodingKeys: String, CodingKey {
            case code, message, data
            case requestID = "request_id"
        }
    }
}

/// Why an answer is not what a test expected.
struct AnswerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// Tests look into answers through the scenario model's JSON value.
typealias JSON = JSONValue
