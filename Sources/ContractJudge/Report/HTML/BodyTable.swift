import Foundation

/// Bodies kept once each, cut at the limit, until the budget is spent.
struct BodyTable {
    private(set) var texts: [String] = []
    private var indices: [Data: Int] = [:]
    private var spent = 0

    /// The index of a body in ``texts``, or nil when it is empty; a body past the budget is a note.
    mutating func index(of body: Data) -> Int? {
        guard !body.isEmpty else { return nil }
        if let index = indices[body] { return index }
        var text: String
        if spent >= RunTimeline.bodyBudget {
            text =
                "(\(body.count) bytes left out: this report already embeds \(RunTimeline.bodyBudget / 1024 / 1024) MiB of bodies; the journal has them all)"
        } else {
            text = String(decoding: body.prefix(RunTimeline.bodyLimit), as: UTF8.self)
            spent += min(body.count, RunTimeline.bodyLimit)
            if body.count > RunTimeline.bodyLimit {
                text += "\n… (cut: \(body.count) bytes, the report shows the first \(RunTimeline.bodyLimit / 1024) KiB)"
            }
        }
        indices[body] = texts.count
        texts.append(text)
        return texts.count - 1
    }
}
