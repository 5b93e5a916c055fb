import Foundation
import HTTPTypes
import NIOCore
import NIOHTTP1
import ReplayJournal
import Scenarios

/// Answers one TikTok Shop API request: gateway, then the simulator, then the journal entry.
/// Synchronous: ``APIRequestHandler`` calls it on the connection's event loop.
struct APIResponder: Sendable {
    let state: ServerState

    /// An answer ready to send and to journal.
    private struct Answer {
        var answeredBy: JournalEntry.Answerer
        /// The stub or cassette interaction that answered.
        var answeredFrom: String?
        var status: Int
        /// The envelope code; nil for a recorded answer that is not an envelope.
        var code: Int?
        var body: AnswerBytes
        /// A stub's or a recording's headers, or the `Allow` of a 405; a stub's delay and fault.
        var headers: [(name: String, value: String)] = []
        var delay: Duration?
        var hangsUp = false
    }

    /// What the connection does with an answer once its journal entry lets it go.
    struct Reply: Sendable {
        var status: Int
        /// The answer's own headers (Content-Type, a stub's or a recording's).
        var headers: HTTPFields
        var body: AnswerBytes
        /// A stub's delay before the answer.
        var delay: Duration?
        /// A stub's fault: the connection closes instead of answering.
        var hangsUp: Bool
    }

    /// A request's head as it arrives: its arrival number and request id are taken now.
    func begin(_ head: APIRequestHead) -> APIRequest {
        let arrival = state.nextArrival()
        let scenarioSeconds = state.clock.now.timeIntervalSince1970
        let scenarioTime = Int64(scenarioSeconds.rounded(.down))
        return APIRequest(
            head: head,
            arrival: arrival,
            requestID: state.requestIDs.id(sequence: arrival, scenarioTime: scenarioTime),
            scenarioTime: scenarioTime,
            scenarioSeconds: scenarioSeconds,
            wallTime: Date(),
            started: .now
        )
    }

    /// Why a request is answered from its head alone: too many or too large headers.
    func headRejection(_ request: APIRequest) -> APIError? {
        let headers = request.head.headerFields
        let headerBytes = headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > state.maxHeaderBytes {
            return APIError.headersTooLarge.detailed("\(state.maxHeaderBytes) bytes.")
        }
        if headers.count > state.gateway.limits.headerFields {
            return APIError.headersTooLarge.detailed("\(state.gateway.limits.headerFields) header fields.")
        }
        return nil
    }

    /// The rejection of a body over the size limit.
    var bodyTooLarge: APIError { APIError.bodyTooLarge.detailed("\(state.maxBodyBytes) bytes.") }

    /// The most bytes a body may have.
    var maxBodyBytes: Int { state.maxBodyBytes }

    /// Answers a request read whole (or refused with `rejection` before it was), and journals
    /// it: `send` runs with the reply once the journal lets the answer go (see ``Journal/record(_:then:)``).
    /// A request refused before its body was read whole is journaled without it.
    func respond(to request: consuming APIRequest, rejection: APIError?, send: @escaping @Sendable (Reply) -> Void) {
        let head = request.head
        var decision = Gateway.Decision()
        if let rejection {
            decision.rejection = rejection
            request.body = []
        } else {
            let checked = Gateway.Request(
                method: head.method.rawValue,
                path: request.path,
                rawQuery: request.query[...],
                accessToken: head.headerFields.value(of: .ttsAccessToken) ?? head.headerFields.value(of: .legacyAccessToken),
                contentType: head.headerFields.value(of: .contentType),
                body: request.body
            )
            decision = state.gateway.check(checked, now: request.wallTime)
        }
        let answer = answer(decision, request: request)
        var responseHeaders = Self.jsonHeaders
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { responseHeaders[field] = value }
        }
        let reply = Reply(status: answer.status, headers: responseHeaders, body: answer.body, delay: answer.delay, hangsUp: answer.hangsUp)
        // The journal's writer redacts the request and builds its columns, off this path.
        state.journal.record(
            ArrivedRequest(
                entry: JournalEntry(
                    id: request.arrival,
                    requestID: request.requestID,
                    wallTime: request.wallTime.timeIntervalSince1970,
                    scenarioTime: request.scenarioTime,
                    method: head.method.rawValue,
                    path: "",
                    query: "",
                    headers: [:],
                    body: Data(),
                    operation: decision.operation?.id,
                    shopCipher: decision.query[RequestParameter.shopCipher],
                    answeredBy: answer.answeredBy,
                    answeredFrom: answer.answeredFrom,
                    failedChecks: decision.failedChecks,
                    responseStatus: answer.status,
                    responseCode: answer.code,
                    responseHeaders: [:],
                    responseBody: Data(),
                    durationMicroseconds: Self.microseconds(ContinuousClock.now - request.started),
                    scenarioSeconds: request.scenarioSeconds
                ),
                path: request.path,
                query: request.query,
                headers: head.headerFields,
                body: request.body,
                responseHeaders: responseHeaders,
                answer: answer.body
            ),
            then: { send(reply) }
        )
    }

    /// Answers and journals a request refused before the application saw it (not valid HTTP,
    /// CONNECT, no Host, past the connection cap); `head` is nil when the parser could not read one.
    func respondToRefusedRequest(_ error: APIError, head: HTTPRequestHead?) -> (status: Int, bytes: [UInt8]) {
        let arrival = state.nextArrival()
        let scenarioSeconds = state.clock.now.timeIntervalSince1970
        let scenarioTime = Int64(scenarioSeconds.rounded(.down))
        let requestID = state.requestIDs.id(sequence: arrival, scenarioTime: scenarioTime)
        let bytes = error.envelope(requestID: requestID).encoded()
        let target = head?.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false) ?? []
        let headers = HTTPFields(
            head?.headers.compactMap { field in HTTPField.Name(field.name).map { HTTPField(name: $0, value: field.value) } } ?? []
        )
        state.journal.recordWithoutWaiting(
            ArrivedRequest(
                entry: JournalEntry(
                    id: arrival,
                    requestID: requestID,
                    wallTime: Date().timeIntervalSince1970,
                    scenarioTime: scenarioTime,
                    method: head?.method.rawValue ?? "",
                    path: "",
                    query: "",
                    headers: [:],
                    body: Data(),
                    operation: nil,
                    shopCipher: nil,
                    answeredBy: .gateway,
                    failedChecks: [],
                    responseStatus: error.httpStatus,
                    responseCode: error.code,
                    responseHeaders: [:],
                    responseBody: Data(),
                    durationMicroseconds: 0,
                    scenarioSeconds: scenarioSeconds
                ),
                path: target.first.map(String.init) ?? "",
                query: target.count > 1 ? String(target[1]) : "",
                headers: headers,
                body: [],
                responseHeaders: [.contentType: "application/json"],
                answer: AnswerBytes(bytes)
            )
        )
        return (error.httpStatus, bytes)
    }

    /// The gateway's rejection, else the first answer of the scenario's answer order (stubs,
    /// simulator, cassettes by default), else the cassettes' near misses, else "nothing answers this".
    private func answer(_ decision: Gateway.Decision, request: APIRequest) -> Answer {
        let (path, body, requestID) = (request.path, request.body, request.requestID)
        let method = request.head.method.rawValue
        func failure(_ error: APIError, by answerer: JournalEntry.Answerer) -> Answer {
            Answer(
                answeredBy: answerer,
                status: error.httpStatus,
                code: error.code,
                body: AnswerBytes(error.envelope(requestID: requestID).encoded())
            )
        }
        if let rejection = decision.rejection {
            var answer = failure(rejection, by: .gateway)
            if !decision.allowedMethods.isEmpty {
                answer.headers.append((name: "Allow", value: decision.allowedMethods.joined(separator: ", ")))
            }
            return answer
        }
        var nearMisses: [NearMiss]?
        for source in state.scenario.answerOrder {
            switch source {
            case .stubs:
                if let stub = state.stubs.answer(
                    method: method,
                    path: path,
                    operation: decision.operation,
                    query: decision.query,
                    body: decision.body
                ) {
                    return stubbed(stub, requestID: requestID)
                }
            case .simulator:
                guard let operation = decision.operation,
                    let answer = state.simulator.answer(
                        SimulatorRequest(
                            operation: operation,
                            pathParameters: decision.pathParameters,
                            query: decision.query,
                            body: decision.body,
                            rawBody: body,
                            contentType: request.head.headerFields.value(of: .contentType),
                            shop: decision.shop
                        )
                    )
                else { continue }
                switch answer {
                case .success(let payload):
                    let body =
                        (payload as? EncodedPayload)?.successEnvelope(requestID: requestID)
                        ?? AnswerBytes(Envelope(code: 0, message: "Success", requestID: requestID, data: AnyEncodable(payload)).encoded())
                    return Answer(answeredBy: .simulator, status: 200, code: 0, body: body)
                case .failure(let error):
                    return failure(error, by: .simulator)
                }
            case .cassettes:
                guard !state.cassettes.isEmpty else { continue }
                let requestBody = decision.body.map(Cassette.Body.json) ?? Cassette.Body(bytes: body)
                switch state.cassettes.lookup(method: method, path: path, query: decision.query.pairs, body: requestBody) {
                case .answer(let recorded):
                    return Answer(
                        answeredBy: .cassette,
                        answeredFrom: recorded.source,
                        status: recorded.status,
                        code: recorded.code,
                        body: .shared(recorded.body),
                        headers: recorded.headers
                    )
                case .miss(let closest):
                    nearMisses = closest
                }
            }
        }
        let line = "\(method) \(path)"
        if let nearMisses {
            let error = APIError.noRecordedAnswer.detailed("\(line) matches no cassette interaction; the closest are in data.near_misses.")
            let bytes = Envelope(code: error.code, message: error.message, requestID: requestID, data: ["near_misses": nearMisses]).encoded()
            return Answer(answeredBy: .nearMiss, status: error.httpStatus, code: error.code, body: AnswerBytes(bytes))
        }
        return unanswered(line: line, operation: decision.operation, requestID: requestID)
    }

    /// The 501 of a request no source answered: it names the operation and how to answer it,
    /// so that a client never mistakes the fake's gap for a real answer.
    private func unanswered(line: String, operation: APIOperation?, requestID: String) -> Answer {
        let order = state.scenario.answerOrder
        let why: String
        if let operation, !operation.isSimulated {
            why = "\(operation.id) is a real operation that the simulator does not answer, and no stub or cassette of this scenario did"
        } else if let operation {
            why = "\(operation.id) is simulated, but answer_order (\(order.map(\.rawValue).joined(separator: ", "))) leaves the simulator out"
        } else {
            why = "\(line) is answered by no source of this scenario"
        }
        let how =
            "Answer it with a stub (match: {operation: \(operation?.id ?? "ID")}; docs/scenarios.md, Stubs) or from a cassette recorded with tts-replay record (docs/cassettes.md)."
        let error = APIError.notSimulated.detailed("\(why). \(how)")
        let data = operation.map { ["operation": OperationDescription($0)] }
        let bytes = Envelope(code: error.code, message: error.message, requestID: requestID, data: data).encoded()
        return Answer(answeredBy: .unanswered, status: error.httpStatus, code: error.code, body: AnswerBytes(bytes))
    }

    private func stubbed(_ stub: Stub, requestID: String) -> Answer {
        let response = stub.response
        let message = response.message ?? (response.code == 0 ? "Success" : "tts-replay stub '\(stub.name)'")
        let data = response.data ?? (response.code == 0 ? .object([:]) : nil)
        return Answer(
            answeredBy: .stub,
            answeredFrom: stub.name,
            status: response.status,
            code: response.code,
            body: AnswerBytes(Envelope(code: response.code, message: message, requestID: requestID, data: data).encoded()),
            headers: response.headers.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) },
            delay: response.delay.map { .milliseconds($0.milliseconds) },
            hangsUp: response.fault == .reset
        )
    }

    /// An answer's own headers before a stub's or a recording's: the same storage for every answer.
    private static let jsonHeaders: HTTPFields = [.contentType: "application/json"]

    private static func microseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
    }
}

/// Type erasure so a payload of any type can sit in an envelope.
struct AnyEncodable: Encodable {
    let value: any Encodable

    init(_ value: any Encodable) {
        self.value = value
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
    }
}

extension HTTPField.Name {
    /// The header that carries the access token.
    static let ttsAccessToken = HTTPField.Name(RequestParameter.accessTokenHeader)!
    /// The legacy access token header, still accepted.
    static let legacyAccessToken = HTTPField.Name(RequestParameter.legacyAccessToken)!
}
