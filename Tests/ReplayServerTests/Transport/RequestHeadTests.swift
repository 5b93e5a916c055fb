import HTTPTypes
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

    @Test(arguments: [
        "/product/202309/categories?category_version=v2&x=%2F", "/", "//double", "/a b", "http://example.com/a/b?c=d", "http://example.com",
        "*", "",
    ])
    func theHeadIsConvertedAsSwiftNIOExtrasConvertsIt(uri: String) {
        for method in [HTTPMethod.GET, .POST, .RAW(value: "BREW"), .RAW(value: "BAD METHOD")] {
            let head = Self.head(uri, method: method)
            let ours = try? HTTPRequest(apiHead: head)
            let theirs = try? HTTPRequest(head, secure: false, splitCookie: false)
            #expect(ours == theirs, "\(method) \(uri)")
        }
    }

    @Test func aFieldReadsAsTheSubscriptReadsIt() throws {
        let request = try HTTPRequest(apiHead: Self.head("/"))
        let fields = request.headerFields
        for name in [HTTPField.Name.ttsAccessToken, .cookie, .contentType, HTTPField.Name("x-tts-access-token")!] {
            #expect(fields.value(of: name) == fields[name], "\(name)")
        }
        #expect(fields.value(of: .ttsAccessToken) == "one, two")
        #expect(fields.value(of: .cookie) == "a=1; b=2")
    }
}
