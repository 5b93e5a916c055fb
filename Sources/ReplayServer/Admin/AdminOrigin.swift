import HTTPTypes
import Hummingbird

/// Who may call the admin API from a browser: only its own pages.
///
/// The admin API has no token on loopback, so any web page open on the developer's machine
/// could otherwise reset the journal or move the clock of a running test (a `text/plain`
/// POST needs no CORS preflight), and a DNS name rebound to 127.0.0.1 could read it. A
/// browser names the page in `Origin`; tools (curl, SDKs, tests) send none.
enum AdminOrigin {
    /// Why the request is refused (403); nil when it may go on.
    ///
    /// - A request with an `Origin` other than the server's own (`http://` and its `Host`),
    ///   `null` included, is refused.
    /// - Without a token (loopback), the `Host` must be a loopback name (`127.0.0.1`,
    ///   `localhost`, `[::1]`, any 127.x.x.x): a rebound name is refused.
    static func refusal(of request: Request, tokenRequired: Bool) -> String? {
        let host = request.head.authority ?? ""
        if let origin = request.headers[.origin], origin != "http://" + host {
            return "the admin API answers its own pages only, not a page of \(origin.prefix(100))"
        }
        if !tokenRequired, !isLoopback(host) {
            return "the admin API on loopback answers only to 127.0.0.1, localhost or [::1], not to the host name '\(host.prefix(100))'"
        }
        return nil
    }

    /// `127.x.x.x`, `localhost` or `[::1]`, with or without a port; an empty Host (HTTP/1.0) too.
    static func isLoopback(_ authority: String) -> Bool {
        var name = Substring(authority)
        if name.hasPrefix("["), let end = name.firstIndex(of: "]") {
            name = name[...end]
        } else if let colon = name.lastIndex(of: ":") {
            name = name[..<colon]
        }
        let lowered = name.lowercased()
        return lowered.isEmpty || lowered == "localhost" || lowered == "[::1]"
            || (lowered.hasPrefix("127.") && lowered.allSatisfy { $0.isNumber || $0 == "." })
    }
}
