import HTTPTypes
import NIOHTTP1
import NIOHTTPTypesHTTP1

extension HTTPRequest {
    /// A request head in HTTP types, as swift-nio-extras converts it (not secure, cookies not
    /// split), without its URL parse of an origin-form target (`/path?query`): such a target is
    /// the path as it stands, which is what that parse returns for it.
    init(apiHead head: HTTPRequestHead) throws {
        guard head.uri.utf8.first == UInt8(ascii: "/") else {
            try self.init(head, secure: false, splitCookie: false)
            return
        }
        self.init(
            method: try Method(head.method),
            scheme: "http",
            authority: head.headers.first(name: "host"),
            path: head.uri,
            headerFields: HTTPFields(head.headers, splitCookie: false)
        )
    }
}
