import Foundation

/// Bodies kept once each, cut at the limit, until the budget is spent.
struct BodyTable {
    private(set) var texts: [String] = []
    /// Indices of the bodies kept, by a hash of all their bytes (`Data`'s own hash reads only
    /// the first bytes, and every envelope starts alike).
    private var indices: [Int: [(body: Data, index: Int)]] = [:]
    private var spent = 0
    /// The index of the one note that stands for every body past the budget.
    private var leftOut: Int?

    /// The index of a body in ``texts``, or nil when it is empty; a body past the budget is a note.
    mutating func index(of body: Data) -> Int? {
        guard !body.isEmpty else { return nil }
        var hasher = Hasher()
        body.withUnsafeBytes { hasher.combine(bytes: $0) }
        let key = hasher.finalize()
        if let kept = indices[key]?.first(where: { $0.body == body }) { return kept.index }
        if spent >= RunTimeline.bodyBudget {
            if let leftOut { return leftOut }
            leftOut = texts.count
            texts.append("(left out: this report already embeds \(RunTimeline.bodyBudget / 1024 / 1024) MiB of bodies; the journal has them all)")
            return leftOut
        }
        var text = String(decoding: body.prefix(RunTimeline.bodyLimit), as: UTF8.self)
        spent += min(body.count, RunTimeline.bodyLimit)
        if body.count > RunTimeline.bodyLimit {
            text += "\n… (cut: \(body.count) bytes, the report shows the first \(RunTimeline.bodyLimit / 1024) KiB)"
        }
        indices[key, default: []].append((body, texts.count))
        texts.append(text)
        return texts.count - 1
    }
}
