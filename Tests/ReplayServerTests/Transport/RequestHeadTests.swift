import HTTPTypes
import HummingbirdCore
import NIOHTTP1
import NIOHTTPTypesHTTP1
import ReplayJournal
import Testing

@testable import ReplayServer

/// The API port reads a request head its own way, for speed: it must read what the libraries read.
@Suite("Reading a request head")
struct RequestHeadTests {
    static func head(_ uri: String, method: HTTPMethod = .POST) -> HTTPRequestHead {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
        head.headers.add(name: "Host", value: "127.0.0.1:8080")
        head.headers.add(name: "Cookie", value: "a=1; b=2")
        head.headers.add(name: "x-tts-access-token", value: "one")
        head.headers.add(name: "X-TTS-Access-Token", value: "two")
        head.headers.add(name: "host", value: "second-host")
        return head
    }

    /// Heads with the Host first, last, twice, in capitals, missing; a name HTTP types refuse; a
    /// value with a control byte.
    static let headerSets: [[(String, String)]] = [
        [("Host", "127.0.0.1:8080"), ("Cookie", "a=1; b=2"), ("x-tts-access-token", "one"), ("X-TTS-Access-Token", "two"), ("host", "second-host")],
        [("content-type", "application/json"), ("HOST", "a"), ("HoSt", "b")],
        [("x-tts-access-token", "t")],
        [("bad name", "x"), ("Host", "h"), ("x-value", "a\u{01}b"), ("hostname", "not the host")],
    ]

    @Test(arguments: [
        "/product/202309/categories?category_version=v2&x=%2F", "/", "//double", "/a b", "http://example.com/a/b?c=d", "http://example.com",
        "*", "",
    ])
    func theHeadIsReadAsSwiftNIOExtrasConvertsIt(uri: String) {
        for method in [HTTPMethod.GET, .POST, .RAW(value: "BREW"), .RAW(value: "BAD METHOD")] {
            for fields in Self.headerSets {
                var head = HTTPRequestHead(version: .http1_1, method: method, uri: uri)
                for (name, value) in fields { head.headers.add(name: name, value: value) }
                let ours = try? APIRequestHead(head, target: RequestTarget(uri))
                let theirs = try? HTTPRequest(head, secure: false, splitCookie: false)
                #expect(ours?.method == theirs?.method, "\(method) \(uri) \(fields)")
                #expect(ours?.headerFields == theirs?.headerFields, "\(method) \(uri) \(fields)")
            }
        }
    }

    @Test(arguments: [
        "/product/202309/categories?category_version=v2&x=%2F", "/", "//double", "/a b", "/a?", "/a?b?c", "/a#f", "/a?b#c", "/a?b#c?d", "/#?x",
        "/é?x=é", "/e\u{301}?\u{301}x=1", "?x", "http://example.com/a/b?c=d", "http://example.com:8080?q", "http://example.com", "*", "",
    ])
    func theTargetIsSplitAsHummingbirdSplitsIt(target: String) {
        let uri = URI(target)
        #expect(RequestTarget(target) == RequestTarget(path: uri.path, query: uri.query ?? ""))
    }

    @Test func aFieldReadsAsTheSubscriptReadsIt() throws {
        let fields = try APIRequestHead(Self.head("/"), target: RequestTarget("/")).headerFields
        for name in [HTTPField.Name.ttsAccessToken, .cookie, .contentType, HTTPField.Name("x-tts-access-token")!] {
            #expect(fields.value(of: name) == fields[name], "\(name)")
        }
        #expect(fields.value(of: .ttsAccessToken) == "one, two")
        #expect(fields.value(of: .cookie) == "a=1; b=2")
    }
}
