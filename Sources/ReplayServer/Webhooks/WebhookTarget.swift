import Foundation

/// Where a webhook goes, taken apart for a connection of its own: host, port, TLS or not,
/// the request target and the `Host` header.
struct WebhookTarget: Sendable, Hashable {
    /// The name or address to connect to (an IPv6 address without brackets).
    var host: String
    var port: Int
    var usesTLS: Bool
    /// The path and query, as the request line carries them (`/` when the URL has no path).
    var requestTarget: String
    /// `host`, with `:port` unless it is the scheme's default, as HTTP clients send it.
    var hostHeader: String

    /// `host:port`, for messages.
    var address: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Parses an `http://` or `https://` address; nil for anything else.
    init?(_ address: String) {
        guard let components = URLComponents(string: address),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            var host = components.host, !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port ?? defaultPort
        guard (1...65535).contains(port) else { return nil }
        self.host = host
        self.port = port
        self.usesTLS = scheme == "https"
        let path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.requestTarget = path + (components.percentEncodedQuery.map { "?\($0)" } ?? "")
        let named = host.contains(":") ? "[\(host)]" : host
        self.hostHeader = port == defaultPort ? named : "\(named):\(port)"
    }
}
