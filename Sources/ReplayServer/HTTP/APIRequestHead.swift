import HTTPTypes
import NIOHTTP1
import NIOHTTPTypesHTTP1

/// What the API reads of a request head: its method and its fields as swift-nio-extras
/// converts them to HTTP types (cookies not split, the first Host taken out), and its target's
/// path and query. The rest of an `HTTPRequest` (scheme, authority, path as pseudo-header
/// fields, each checked and stored apart) is not built: nothing on the API's path reads it.
struct APIRequestHead: Sendable {
    let method: HTTPRequest.Method
    let headerFields: HTTPFields
    let target: RequestTarget

    init(method: HTTPRequest.Method, headerFields: HTTPFields, target: RequestTarget) {
        self.method = method
        self.headerFields = headerFields
        self.target = target
    }

    /// - Throws: When HTTP types refuse the method (the connection then ends, unanswered).
    init(_ head: HTTPRequestHead, target: RequestTarget) throws {
        self.method = try HTTPRequest.Method(head.method)
        var fields = HTTPFields()
        fields.reserveCapacity(head.headers.count)
        var firstHost = true
        for field in head.headers {
            if firstHost, Self.isHost(field.name) {
                firstHost = false
                continue
            }
            if let name = HTTPField.Name(field.name) {
                fields.append(HTTPField(name: name, value: field.value))
            }
        }
        self.headerFields = fields
        self.target = target
    }

    /// Whether a field name is `Host`, in any case.
    static func isHost(_ name: String) -> Bool {
        // ASCII case folded: of all bytes, only `H` and `h` read as `h` once 0x20 is set, and so on.
        name.utf8.elementsEqual("host".utf8) { $0 | 0x20 == $1 }
    }
}
