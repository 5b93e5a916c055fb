import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Scenarios

/// Forwards each request to the upstream, answers with the upstream's answer, and hands the
/// exchange to the recording.
struct ProxyResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let upstream: URL
    /// The upstream as logs and error answers show it: without its password.
    let shownAs: String
    let timeout: Duration
    let recording: CassetteRecording
    let logger: Logger
    private let client = HTTPClient(eventLoopGroupProvider: .singleton)

    init(upstream: URL, shownAs: String, timeout: Duration, recording: CassetteRecording, logger: Logger) {
        self.upstream = upstream
        self.shownAs = shownAs
        self.timeout = timeout
        self.recording = recording
        self.logger = logger
    }

    /// The largest body forwarded either way.
    static let maximumBodyBytes = 64 * 1_048_576
    /// Headers that belong to one connection, not to the exchange: neither forwarded nor recorded.
    static let connectionHeaders: Set<String> = ["host", "content-length", "connection", "keep-alive", "transfer-encoding", "upgrade", "te"]
    /// Headers forwarded but not worth keeping in a cassette.
    static let unrecordedHeaders: Set<String> = ["user-agent", "accept", "accept-encoding", "date", "server"]

    func respond(to request: Request, context: Context) async throws -> Response {
        let body = Array(try await request.body.collect(upTo: Self.maximumBodyBytes).readableBytesView)
        var base = upstream.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        let query = request.uri.query.map { "?" + $0 } ?? ""
        var outgoing = HTTPClientRequest(url: base + request.uri.path + query)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers where !Self.connectionHeaders.contains(field.name.canonicalName) {
            outgoing.headers.add(name: field.name.rawName, value: field.value)
        }
        if !body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: body)) }

        let answer: HTTPClientResponse
        let answerBody: [UInt8]
        do {
            (answer, answerBody) = try await fetch(outgoing)
        } catch {
            logger.error("upstream \(shownAs) did not answer \(request.method) \(request.uri.path): \(error)")
            return Self.badGateway("tts-replay record could not get an answer from the upstream \(shownAs): \(error)")
        }

        let notRecorded = await recording.append(
            Cassette.Interaction(
                request: Cassette.RecordedRequest(
                    method: request.method.rawValue,
                    path: request.uri.path,
                    query: Dictionary(
                        ((try? QueryString(raw: (request.uri.query ?? "")[...]))?.pairs ?? []).map { ($0.name, $0.value) },
                        uniquingKeysWith: { $1 }
                    ),
                    headers: Self.recorded(request.headers.map { ($0.name.canonicalName, $0.value) }),
                    body: Cassette.Body(bytes: body)
                ),
                response: Cassette.RecordedResponse(
                    status: Int(answer.status.code),
                    headers: Self.recorded(answer.headers.map { ($0.name.lowercased(), $0.value) }),
                    body: Cassette.Body(bytes: answerBody)
                )
            )
        )

        if let notRecorded {
            // The client must not carry on as if the exchange were in the cassette.
            return Self.badGateway("tts-replay record answered this request upstream but did not record it: \(notRecorded)")
        }
        var headers = HTTPFields()
        for (name, value) in answer.headers where !Self.connectionHeaders.contains(name.lowercased()) {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        return Response(status: .init(code: Int(answer.status.code)), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: answerBody)))
    }

    func shutdown() async throws {
        try await client.shutdown()
    }

    /// A 502 envelope with a message: the exchange failed, or was not recorded.
    private static func badGateway(_ message: String) -> Response {
        let envelope = Envelope<NoPayload>(code: APIError.notSimulated.code, message: message, requestID: "", data: nil)
        return Response(
            status: .badGateway,
            headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: envelope.encoded()))
        )
    }

    private static func recorded(_ headers: [(String, String)]) -> [String: String] {
        Dictionary(
            headers.filter { !connectionHeaders.contains($0.0) && !unrecordedHeaders.contains($0.0) },
            uniquingKeysWith: { first, second in first + ", " + second }
        )
    }
}

extension ProxyResponder {
    /// The upstream's answer is larger than a cassette could hold.
    struct AnswerTooLarge: Error, CustomStringConvertible {
        var description: String { "its answer is over \(ProxyResponder.maximumBodyBytes / 1_048_576) MiB, the most tts-replay records" }
    }

    /// The upstream took longer than the recorder's `upstreamTimeout` for its whole answer.
    struct UpstreamTimeout: Error, CustomStringConvertible {
        var timeout: Duration
        var description: String { "no whole answer within \(timeout)" }
    }

    /// The upstream's answer, its head and its whole body, within ``timeout``: AsyncHTTPClient's
    /// own deadline covers the head only, so an upstream that stops in the middle of its body
    /// would otherwise hold the client's request for ever.
    fileprivate func fetch(_ request: HTTPClientRequest) async throws -> (HTTPClientResponse, [UInt8]) {
        let (client, timeout) = (client, timeout)
        return try await withThrowingTaskGroup(of: (HTTPClientResponse, [UInt8])?.self) { group in
            group.addTask {
                let answer = try await client.execute(request, timeout: .nanoseconds(Int64(timeout / .nanoseconds(1))))
                let body: ByteBuffer
                do {
                    body = try await answer.body.collect(upTo: Self.maximumBodyBytes)
                } catch is NIOTooManyBytesError {
                    throw AnswerTooLarge()
                }
                return (answer, Array(body.readableBytesView))
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let answer = first else { throw UpstreamTimeout(timeout: timeout) }
            return answer
        }
    }
}
