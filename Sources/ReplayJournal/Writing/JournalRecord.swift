/// Anything the journal keeps but requests (``ArrivedRequest``), queued for the batched writer.
package enum JournalRecord: Sendable {
    case webhookDelivery(WebhookDeliveryRecord)
    case clockMove(ClockMove)
    case shopEvent(ShopEvent)
}

/// A request entry on its way to the file, redacted: the entry, its headers as columns, and
/// its answer's body as the server holds it (a shared part by reference, not copied per
/// entry); the entry's own `headers`, `responseHeaders` and `responseBody` are not used.
package struct PendingRequest: Sendable {
    var entry: JournalEntry
    var headers: HeaderColumn
    var responseHeaders: HeaderColumn
    var answer: AnswerBytes

    /// The entry with its headers and its answer's body, as a reader sees it.
    var completeEntry: JournalEntry {
        var entry = entry
        entry.headers = headers.dictionary
        entry.responseHeaders = responseHeaders.dictionary
        entry.responseBody = .init(answer.joined())
        return entry
    }
}
