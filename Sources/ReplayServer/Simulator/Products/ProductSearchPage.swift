/// The `data` of Search Products, spliced from the products' encoded entries: the bytes
/// ``JSONBytes`` writes for `{next_page_token, products, total_count}` (keys sorted, no
/// spaces), without encoding the page again.
struct ProductSearchPage {
    /// Each product's entry, encoded by ``JSONBytes``.
    var entries: [[UInt8]]
    var totalCount: Int
    /// URL-safe base64 or empty: no character of it needs escaping in JSON.
    var nextPageToken: String

    /// The page as a payload, shared by the answers that give it until a product changes.
    var encoded: EncodedPayload {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.reduce(64 + nextPageToken.utf8.count) { $0 + $1.count + 1 })
        bytes += #"{"next_page_token":""#.utf8
        bytes += nextPageToken.utf8
        bytes += #"","products":["#.utf8
        for (index, entry) in entries.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes += entry
        }
        bytes += #"],"total_count":"#.utf8
        bytes += String(totalCount).utf8
        bytes.append(UInt8(ascii: "}"))
        return EncodedPayload(encodedForManyAnswers: bytes)
    }
}
