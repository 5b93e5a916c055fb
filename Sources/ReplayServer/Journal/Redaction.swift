import HTTPTypes

/// Removes secrets from what the journal keeps, so a journal can be shared in a bug report.
enum Redaction {
    static let placeholder = "<redacted>"
    private static let secretHeaders: Set<String> = ["x-tts-access-token", "access_token", "authorization", "proxy-authorization", "cookie"]

    /// Header names lower-cased, repeated headers joined, secrets replaced.
    static func headers(_ fields: HTTPFields) -> [String: String] {
        var result: [String: String] = [:]
        for field in fields {
            let name = field.name.canonicalName
            let value = secretHeaders.contains(name) ? placeholder : field.value
            result[name] = result[name].map { "\($0), \(value)" } ?? value
        }
        return result
    }

    /// The raw query with the value of a legacy `access_token` parameter replaced.
    static func query(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "_")), raw.contains("access_token=") else { return raw }
        return raw.split(separator: "&", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("access_token=") ? "access_token=\(placeholder)" : String($0) }
            .joined(separator: "&")
    }
}
