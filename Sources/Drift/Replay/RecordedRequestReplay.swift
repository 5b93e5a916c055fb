import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ReplayServer
import Scenarios

/// Sends a recorded request again, to a tts-replay server, as a client of that server would:
/// signed with the server's app secret, with its access token, at the current time.
///
/// The recorded `app_key`, `timestamp`, `sign` and `access_token` are replaced (they were the
/// production app's, and `record` redacted the secret ones). A recorded `shop_cipher` that
/// names none of the scenario's shops becomes the first shop's, so a recording of another shop
/// can still be compared; everything else (path, other parameters, body, content type) is sent
/// as recorded, placeholders included, except the ids that have a stand-in (``StandIns``). A request
/// production refused for a credential is sent with that credential wrong in the same way
/// (``CredentialFault``).
struct RecordedRequestReplay {
    let client: HTTPClient
    let baseURL: URL
    let credentials: ClientCredentials
    let shopCiphers: Set<String>
    /// Recorded ids the scenario does not have, and the ids sent instead.
    var standIns: StandIns
    let timeout: Duration

    /// The request as it will be sent: the recorded one with the server's credentials.
    func prepared(_ recorded: Cassette.RecordedRequest, fault: CredentialFault? = nil) -> Cassette.RecordedRequest {
        preparedNoting(recorded, fault: fault).request
    }

    /// ``prepared(_:fault:)``, and whether a category stand-in was sent.
    func preparedNoting(_ recorded: Cassette.RecordedRequest, fault: CredentialFault?) -> (request: Cassette.RecordedRequest, categoryStoodIn: Bool) {
        var (request, categoryStoodIn) = standIns.applied(to: recorded)
        for name in RequestParameter.volatile { request.query[name] = nil }
        request.query[RequestParameter.appKey] = fault == .appKey ? "conform-unknown-app-key" : credentials.appKey
        // Ten minutes back is past the documented five-minute window.
        let now = Int(Date().timeIntervalSince1970)
        request.query[RequestParameter.timestamp] = String(fault == .staleTimestamp ? now - 600 : now)
        if let cipher = request.query[RequestParameter.shopCipher], !shopCiphers.contains(cipher) {
            request.query[RequestParameter.shopCipher] = credentials.shopCipher
        }
        // The body is sent as the bytes signed: JSON encoded once, with sorted keys.
        let body = Self.bytes(of: request.body)
        if case .json = request.body {
            request.body = .text(String(decoding: body, as: UTF8.self))
            if request.headers["content-type"] == nil { request.headers["content-type"] = "application/json" }
        }
        let sign = RequestSignature.sign(
            path: request.path,
            query: request.query,
            body: body,
            isMultipart: Self.isMultipart(recorded),
            appSecret: credentials.appSecret
        )
        request.query[RequestParameter.sign] = fault == .sign ? String(sign.reversed()) : sign
        request.headers = request.headers.filter { name, _ in Self.keptHeaders.contains(name) }
        request.headers[RequestParameter.accessTokenHeader] = fault == .accessToken ? "conform-unknown-token" : credentials.accessToken
        return (request, categoryStoodIn)
    }

    /// Whether a recorded request's body is `multipart/form-data` (an upload).
    static func isMultipart(_ request: Cassette.RecordedRequest) -> Bool {
        request.headers["content-type"]?.lowercased().hasPrefix("multipart/form-data") == true
    }

    /// Sends a prepared request and reads the whole answer, head and body, within ``timeout``
    /// (the client's own deadline ends with the head).
    func send(_ request: Cassette.RecordedRequest) async throws -> Cassette.RecordedResponse {
        let timeout = self.timeout
        return try await withThrowingTaskGroup(of: Cassette.RecordedResponse.self) { group in
            group.addTask { try await self.exchange(request) }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw ReplayTimeout(timeout: timeout)
            }
            defer { group.cancelAll() }
            // The first task to finish: the answer, or the timeout.
            return try await group.next()!
        }
    }

    /// An answer that did not come whole within the timeout.
    struct ReplayTimeout: Error, CustomStringConvertible {
        var timeout: Duration
        var description: String { "no whole answer within \(timeout)" }
    }

    private func exchange(_ request: Cassette.RecordedRequest) async throws -> Cassette.RecordedResponse {
        var components = URLComponents()
        components.queryItems = request.query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        // `+` is a space to most servers: send it encoded, as clients do.
        let query = (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let encodedPath = request.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? request.path
        var outgoing = HTTPClientRequest(url: baseURL.absoluteString + encodedPath + (query.isEmpty ? "" : "?" + query))
        outgoing.method = .init(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        let body = Self.bytes(of: request.body)
        if !body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        let (seconds, attoseconds) = timeout.components
        let response = try await client.execute(outgoing, timeout: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        let bytes = try await response.body.collect(upTo: Self.maximumAnswerBytes)
        var headers: [String: String] = [:]
        for header in response.headers { headers[header.name.lowercased()] = header.value }
        return Cassette.RecordedResponse(status: Int(response.status.code), headers: headers, body: Cassette.Body(bytes: bytes.readableBytesView))
    }

    /// The largest answer read; a bigger one fails the exchange rather than filling memory.
    static let maximumAnswerBytes = 64 * 1024 * 1024

    /// The recorded headers sent again: the ones that describe the body.
    static let keptHeaders: Set<String> = ["content-type"]

    /// A recorded body as the bytes to send: JSON as compact JSON, text as UTF-8.
    static func bytes(of body: Cassette.Body) -> [UInt8] {
        switch body {
        case .none: []
        case .text(let text): Array(text.utf8)
        case .json(let value): encoded(value)
        }
    }

    /// JSON with sorted keys and unescaped slashes, as tts-replay writes every body.
    private static func encoded(_ value: JSONValue) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A JSONValue always encodes.
        return Array((try? encoder.encode(value)) ?? Data())
    }
}
