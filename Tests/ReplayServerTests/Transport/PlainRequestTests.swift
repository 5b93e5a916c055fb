import Foundation
import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTP1
import ReplayJournal
import Scenarios
import Testing

@testable import ReplayServer

/// The API port reads plain requests without NIO's HTTP/1 decoder, for speed: whatever it reads
/// that way, the decoder must read the same, and its answers must be the bytes NIO's encoder writes.
@Suite("Plain requests read from the bytes")
struct PlainRequestTests {
    static let base =
        "POST /product/202309/products/search?page_size=20&x=%2F HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
        + "Content-Type: application/json\r\nx-tts-access-token: token\r\nContent-Length: 9\r\n\r\n{\"a\": 1}\n"

    /// What NIO's decoder reads of the first request in `bytes`: nil when it fails or reads no head.
    static func decoded(_ bytes: [UInt8]) -> (head: HTTPRequestHead, body: [UInt8], ended: Bool)? {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(HTTPRequestDecoder()))
        defer { _ = try? channel.finish() }
        guard (try? channel.writeInbound(ByteBuffer(bytes: bytes))) != nil else { return nil }
        var head: HTTPRequestHead?
        var body: [UInt8] = []
        while let part = try? channel.readInbound(as: HTTPServerRequestPart.self) {
            switch part {
            case .head(let read): head = read
            case .body(let bytes): body += bytes.readableBytesView
            case .end: return head.map { ($0, body, true) }
            }
        }
        return head.map { ($0, body, false) }
    }

    static func parse(_ bytes: [UInt8]) -> PlainRequestParser.Outcome {
        bytes.withUnsafeBytes { PlainRequestParser.parse($0, maxBodyBytes: 1 << 20) }
    }

    /// Checks one input: a plain request is what the decoder reads, in as many bytes; an
    /// incomplete one is not yet a request to the decoder either.
    static func expectAgreement(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> PlainRequestParser.Outcome {
        let outcome = parse(bytes)
        let text = String(decoding: bytes.prefix(300), as: UTF8.self).debugDescription
        switch outcome {
        case .request(let head, let body, let length):
            guard let theirs = decoded(Array(bytes[..<length])) else {
                Issue.record("read as plain, refused by the decoder: \(text)", sourceLocation: sourceLocation)
                return outcome
            }
            #expect(theirs.ended, "the decoder wants more than \(length) bytes: \(text)", sourceLocation: sourceLocation)
            #expect(theirs.body == Array(bytes[body]), "\(text)", sourceLocation: sourceLocation)
            let converted = try? APIRequestHead(theirs.head, target: RequestTarget(theirs.head.uri))
            #expect(converted?.method == head.method, "\(text)", sourceLocation: sourceLocation)
            #expect(converted?.headerFields == head.headerFields, "\(text)", sourceLocation: sourceLocation)
            #expect(converted?.target == head.target, "\(text)", sourceLocation: sourceLocation)
        case .incomplete:
            #expect(decoded(bytes)?.ended != true, "incomplete, but a whole request to the decoder: \(text)", sourceLocation: sourceLocation)
        case .notPlain:
            break
        }
        return outcome
    }

    static func isPlain(_ outcome: PlainRequestParser.Outcome) -> Bool {
        if case .request = outcome { true } else { false }
    }

    @Test func theBaseRequestIsPlainAndReadAsTheDecoderReadsIt() throws {
        let outcome = Self.expectAgreement(Array(Self.base.utf8))
        guard case .request(let head, let body, let length) = outcome else {
            Issue.record("not read: \(outcome)")
            return
        }
        #expect(head.method == .post)
        #expect(head.target == RequestTarget(path: "/product/202309/products/search", query: "page_size=20&x=%2F"))
        #expect(head.headerFields[.contentType] == "application/json")
        #expect(head.headerFields.count == 3)  // The Host is not one of them.
        #expect(body.count == 9)
        #expect(length == Self.base.utf8.count)
    }

    /// Every byte, in every place of the head: whatever is read as plain, the decoder reads the same.
    @Test(arguments: [
        "POST", "/product/2", "search?page", "Host", "127.0.0", "Content-Type", "application/json", "x-tts-access-token: ",
        "Length: ", "1}", "HTTP/1.1", ": token",
    ])
    func everyByteAnywhereIsReadAsTheDecoderReadsIt(place: String) throws {
        let base = Array(Self.base.utf8)
        let anchor = try #require(Self.base.utf8.firstRange(of: place.utf8))
        let offset = Self.base.utf8.distance(from: Self.base.utf8.startIndex, to: anchor.lowerBound) + place.utf8.count / 2
        var plain = 0
        for byte in UInt8.min...UInt8.max {
            var inserted = base
            inserted.insert(byte, at: offset)
            var replaced = base
            replaced[offset] = byte
            for input in [inserted, replaced] where Self.isPlain(Self.expectAgreement(input)) { plain += 1 }
        }
        #expect(plain > 0, "no variant at \(place.debugDescription) was read as plain: the test tests nothing there")
    }

    /// Heads that differ in what the connection must decide, or in how the decoder trims and frames.
    @Test(arguments: [
        "GET / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.0\r\nHost: h\r\n\r\n",
        "GET / http/1.1\r\nHost: h\r\n\r\n",
        "get / HTTP/1.1\r\nHost: h\r\n\r\n",
        "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n",
        "CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\n",
        "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET http://h/a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET  / HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET / HTTP/1.1\nHost: h\n\n",
        "GET / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nhost: i\r\n\r\n",
        "GET / HTTP/1.1\r\nHost:h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h \r\n\r\n",
        "GET / HTTP/1.1\r\nHost : h\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX:\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX: \r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX: a\tb\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nX: a\r\n b\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Upgrade\r\nUpgrade: h2c\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\nx",
        "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 003\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3, 3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\r\nHost: h\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\nabc",
        "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nabc",
        "GET /__admin/journal HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a?b#c HTTP/1.1\r\nHost: h\r\nCookie: a=1; b=2\r\n\r\n",
    ])
    func aHeadIsReadAsTheDecoderReadsIt(request: String) {
        _ = Self.expectAgreement(Array(request.utf8))
    }

    @Test func onlyPlainRequestsAreReadAsPlain() {
        let plain = [
            "GET / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1\r\nHost:h\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\nX:\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nConnection: Keep-Alive\r\n\r\n", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 003\r\n\r\nabc",
        ]
        let notPlain = [
            "GET / HTTP/1.0\r\nHost: h\r\n\r\n", "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1\r\n\r\n",
            "GET / HTTP/1.1\r\nHost: h\r\nhost: i\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
            "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nabc",
            "GET /__admin/journal HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1\r\nHost: h \r\n\r\n",
        ]
        for request in plain { #expect(Self.isPlain(Self.parse(Array(request.utf8))), "\(request.debugDescription)") }
        for request in notPlain {
            guard case .notPlain = Self.parse(Array(request.utf8)) else {
                Issue.record("not refused: \(request.debugDescription)")
                continue
            }
        }
    }

    /// Cut anywhere, a plain request is incomplete until its head ends, then left to the decoder until its body has come.
    @Test func aRequestCutAnywhereIsIncompleteOrLeftToTheDecoder() {
        let bytes = Array(Self.base.utf8)
        let headEnd = Self.base.utf8.count - 9
        for cut in 0..<bytes.count {
            switch Self.expectAgreement(Array(bytes[..<cut])) {
            case .incomplete: #expect(cut < headEnd, "cut at \(cut)")
            case .notPlain: #expect(cut >= headEnd, "cut at \(cut)")
            case .request: Issue.record("a request read from \(cut) of its \(bytes.count) bytes")
            }
        }
    }

    @Test func aHeadLargerThanTheLimitIsLeftToTheDecoder() {
        let filler = String(repeating: "x", count: PlainRequestParser.maxHeadBytes)
        #expect(!Self.isPlain(Self.parse(Array("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)\r\n\r\n".utf8))))
        if case .incomplete = Self.parse(Array("GET / HTTP/1.1\r\nHost: h\r\nX: \(filler)".utf8)) {
            Issue.record("an unended head past the limit is still awaited")
        }
        let fields = (0..<PlainRequestParser.maxFields).map { "X-\($0): v\r\n" }.joined()
        #expect(!Self.isPlain(Self.parse(Array("GET / HTTP/1.1\r\nHost: h\r\n\(fields)\r\n".utf8))))
    }

    // MARK: - On a connection

    /// A request that is not plain: the same as `HTTPFramingTests.get`, with a field whose value ends in a space.
    static func notPlainGet(_ server: ReplayServer) -> String {
        HTTPFramingTests.get(server, headers: "Host: 127.0.0.1\r\nX-Pad: a \r\n")
    }

    /// An answer without what differs from one answer to the next (its date and request id).
    static func comparable(_ answer: String) -> String {
        answer.split(separator: "\r\n", omittingEmptySubsequences: false)
            .filter { !$0.lowercased().hasPrefix("date:") }
            .joined(separator: "\r\n")
            .replacing(/"request_id":"[^"]*"/, with: #""request_id":"…""#)
    }

    @Test func aPlainAnswerIsTheBytesTheDecodersPathWrites() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let port = try #require(server.baseURL.port)
            let (plain, notPlain) = (HTTPFramingTests.get(server), Self.notPlainGet(server))
            #expect(Self.isPlain(Self.parse(Array(plain.utf8))))
            guard case .notPlain = Self.parse(Array(notPlain.utf8)) else {
                Issue.record("the request meant for the decoder is read as plain: the test compares nothing")
                return
            }
            var answers: [String] = []
            for request in [plain, notPlain] {
                let connection = try await RawConnection.open(port: port, sending: request)
                #expect(await connection.waitForAnswers(1, within: .seconds(10)))
                answers.append(connection.received)
                await connection.close()
            }
            #expect(answers[0].hasPrefix("HTTP/1.1 200 OK\r\n"), "\(answers[0].prefix(300))")
            #expect(Self.comparable(answers[0]) == Self.comparable(answers[1]))
        }
    }

    @Test func plainRequestsAndOthersOnOneConnectionAreAnsweredInOrder() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let get = HTTPFramingTests.get(server)
            let connection = try await RawConnection.open(
                port: try #require(server.baseURL.port),
                sending: get + get + Self.notPlainGet(server) + get + "GET /__admin/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" + get
            )
            #expect(await connection.waitForAnswers(6, within: .seconds(10)))
            #expect(RawConnection.answers(in: connection.received) == [200, 200, 200, 200, 200, 200], "\(connection.received.prefix(400))")
            #expect(try await server.journal.entries().map(\.id) == [1, 2, 3, 4, 5])
            await connection.close()
        }
    }

    @Test func aHeadThatComesInTwoPartsIsAnswered() async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let get = Array(HTTPFramingTests.get(server).utf8)
            let connection = try await RawConnection.open(port: try #require(server.baseURL.port))
            try await connection.send(Array(get[..<(get.count / 2)]))
            // Not needed for the answer: so that the halves most likely come in two reads.
            try await Task.sleep(for: .milliseconds(50))
            try await connection.send(Array(get[(get.count / 2)...]) + get)
            #expect(await connection.waitForAnswers(2, within: .seconds(10)))
            #expect(RawConnection.answers(in: connection.received) == [200, 200])
            await connection.close()
        }
    }

    /// As the decoder answers it: the client will not finish the request, which is not HTTP.
    @Test(arguments: ["GET /authorization/202309/shops HTT", "GET /authorization/202309/shops HTTP/1.1\r\nHost: h\r\n"])
    func aHeadCutShortByTheClientClosingItsSideIsAnswered400(start: String) async throws {
        try await withReplayServer(scenario: Scenario.default) { server in
            let answer = try await RawHTTP.exchange(Array(start.utf8), port: try #require(server.baseURL.port), closingOutput: true)
            #expect(RawHTTP.status(of: answer) == 400, "\(answer.prefix(300))")
        }
    }
}
