import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import ReplayServer
import Scenarios

/// Calls to the admin API, with JSON in and out.
struct AdminClient {
    let adminURL: String
    /// Sent as `Authorization: Bearer <token>` when set.
    let token: String?

    /// A client for a server's admin API, with the server's token if it requires one.
    init(server: ReplayServer) {
        self.adminURL = server.adminURL.absoluteString
        self.token = server.adminToken
    }

    init(adminURL: String, token: String? = nil) {
        self.adminURL = adminURL
        self.token = token
    }

    func call(_ method: HTTPMethod, _ path: String, json: String? = nil, headers: [String: String] = [:]) async throws -> (status: Int, json: JSON) {
        var request = HTTPClientRequest(url: adminURL + path)
        request.method = method
        if let token { request.headers.add(name: "authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.replaceOrAdd(name: name, value: value) }
        if let json { request.body = .bytes(ByteBuffer(string: json)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 24)
        return (Int(response.status.code), try JSONDecoder().decode(JSON.self, from: Data(buffer: body)))
    }
}
