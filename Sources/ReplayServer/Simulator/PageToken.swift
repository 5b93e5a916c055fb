import Foundation

/// Opaque page tokens: the offset of the next page, base64-encoded so clients treat it as opaque.
enum PageToken {
    static func make(offset: Int) -> String {
        Data("offset:\(offset)".utf8).base64EncodedString()
    }

    /// The offset a token stands for; 0 for an absent or empty token, nil for a token the fake never issued.
    static func offset(of token: String?) -> Int? {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8), text.hasPrefix("offset:"),
            let offset = Int(text.dropFirst("offset:".count)), offset >= 0
        else { return nil }
        return offset
    }

    /// One page of `items` and the token of the next page (empty at the end).
    static func page<T>(_ items: [T], offset: Int, size: Int) -> (items: [T], next: String) {
        let start = min(offset, items.count)
        let end = min(start + size, items.count)
        return (Array(items[start..<end]), end < items.count ? make(offset: end) : "")
    }
}
