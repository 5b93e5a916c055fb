/// The shops Get Authorized Shops answers name, later answers over earlier ones, in the order
/// first seen (the first is the one the scenario hands to clients).
struct ShopEvidence {
    /// A shop as recorded, with the fields it had to leave at their defaults.
    struct Entry {
        var shop: Shop
        /// The answer it was last read from.
        var source: Provenance
        /// Why each defaulted field is a default, by key (`cipher`: "redacted").
        var defaulted: [String: String]
    }

    private(set) var entries: [Entry] = []
    private var positions: [String: Int] = [:]
    /// Why shops seen were not taken, for the error when none is.
    private(set) var refusals: [String] = []

    /// Reads a Get Authorized Shops answer.
    mutating func read(_ exchange: RecordedExchange, notes: inout [DerivationNote]) {
        guard let listed = exchange.successData?["shops"]?.array else {
            if exchange.code != 0 || exchange.envelope == nil {
                notes.append(DerivationNote(.warning, "not a successful Get Authorized Shops answer: no shops read from it", at: exchange.provenance))
            }
            return
        }
        for (index, recorded) in listed.enumerated() {
            guard let id = RecordedText.usable(recorded["id"]) else {
                let refusal = "shops[\(index)] has no usable id (missing or redacted)"
                refusals.append("\(exchange.provenance): \(refusal)")
                notes.append(DerivationNote(.warning, "\(refusal): left out", at: exchange.provenance))
                continue
            }
            guard let region = region(of: recorded, id: id, at: exchange.provenance, notes: &notes) else { continue }
            var defaulted: [String: String] = [:]
            func field(_ key: String) -> String? {
                if let value = RecordedText.usable(recorded[key]) { return value }
                defaulted[key] = recorded[key]?.string.map(RecordedText.isRedacted) == true ? "redacted in the recording" : "not in the answer"
                return nil
            }
            let sellerText = field("seller_type")
            let sellerType = sellerText.flatMap(Shop.SellerType.init(rawValue:))
            if let sellerText, sellerType == nil { defaulted["seller_type"] = "'\(sellerText)' is not LOCAL or CROSS_BORDER" }
            let shop = Shop(
                id: id,
                name: field("name") ?? "Shop \(id)",
                region: region,
                sellerType: sellerType ?? .local,
                cipher: field("cipher") ?? "ROW_\(id)",
                code: field("code") ?? "\(region.rawValue)LC\(id.suffix(8))"
            )
            for (key, reason) in defaulted.sorted(by: { $0.key < $1.key }) {
                notes.append(DerivationNote(.info, "shop \(id): \(key) \(reason); the scenario's default stands in", at: exchange.provenance))
            }
            let entry = Entry(shop: shop, source: exchange.provenance, defaulted: defaulted)
            if let position = positions[id] {
                entries[position] = entry
            } else {
                positions[id] = entries.count
                entries.append(entry)
            }
        }
    }

    /// The shop's market; nil (with a note) when the answer names none the scenario format knows.
    private mutating func region(of recorded: JSONValue, id: String, at source: Provenance, notes: inout [DerivationNote]) -> Region? {
        let text = RecordedText.usable(recorded["region"]) ?? ""
        if let region = Region(rawValue: text.uppercased()) { return region }
        if text.uppercased() == "UK" {
            notes.append(DerivationNote(.info, "shop \(id): region 'UK' written as GB, the API's code", at: source))
            return .gb
        }
        let refusal = "shop \(id): region '\(text)' is not a market code (GB, DE, US, ...)"
        refusals.append("\(source): \(refusal)")
        notes.append(DerivationNote(.warning, "\(refusal): left out", at: source))
        return nil
    }

}
