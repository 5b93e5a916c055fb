import Foundation

/// Opaque page tokens, base64-encoded so clients treat them as opaque: the offset of the next
/// page (Get Brands), or the position after the last product of a page (Search Products).
///
/// Cursor tokens use the URL-safe alphabet without padding, so a client that puts them in a
/// query without escaping (`+` reads as a space there) still sends them intact; either
/// alphabet is read.
enum PageToken {
    /// Where the next page starts.
    enum Position: Hashable {
        /// After this many items.
        case offset(Int)
        /// After the product with this sort key: Search Products' cursor, which a change to
        /// the products between two pages does not shift.
        case after(ProductOrderKey)
    }

    static func make(offset: Int) -> String {
        Data("offset:\(offset)".utf8).base64EncodedString()
    }

    /// The token of the page that follows the product with this key.
    static func make(after key: ProductOrderKey) -> String {
        let standard = Data("after:\(key.updateTime):\(key.id)".utf8).base64EncodedString()
        return String(standard.compactMap { character in character == "=" ? nil : character == "+" ? "-" : character == "/" ? "_" : character })
    }

    /// The offset a token stands for; 0 for an absent or empty token, nil for a token that is not an offset token.
    static func offset(of token: String?) -> Int? {
        guard case .offset(let offset) = position(of: token) else { return nil }
        return offset
    }

    /// The position a token stands for; offset 0 for an absent or empty token, nil for a token the fake never issued.
    static func position(of token: String?) -> Position? {
        guard let token, !token.isEmpty else { return .offset(0) }
        var standard = String(token.map { character in character == "-" || character == " " ? "+" : character == "_" ? "/" : character })
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard), let text = String(data: data, encoding: .utf8) else { return nil }
        if text.hasPrefix("offset:") {
            guard let offset = Int(text.dropFirst("offset:".count)), offset >= 0 else { return nil }
            return .offset(offset)
        }
        if text.hasPrefix("after:") {
            let rest = text.dropFirst("after:".count)
            guard let colon = rest.firstIndex(of: ":"), let updateTime = Int64(rest[..<colon]) else { return nil }
            return .after(ProductOrderKey(updateTime: updateTime, id: String(rest[rest.index(after: colon)...])))
        }
        return nil
    }

    /// One page of `items` and the token of the next page (empty at the end).
    static func page<T>(_ items: [T], offset: Int, size: Int) -> (items: [T], next: String) {
        let start = min(offset, items.count)
        let end = min(start + size, items.count)
        return (Array(items[start..<end]), end < items.count ? make(offset: end) : "")
    }
}
