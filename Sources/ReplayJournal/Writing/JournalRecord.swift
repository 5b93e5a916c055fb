/// Anything the journal keeps but requests (``ArrivedRequest``), queued for the batched writer.
package enum JournalRecord: Sendable {
    case webhookDelivery(WebhookDeliveryRecord)
    case clockMove(ClockMove)
    case shopEvent(ShopEvent)
}

/// A request entry on its way to the file, redacted: the entry, and its answer's body as the
/// server holds it (a shared part by reference, not copied per entry); the entry's own
/// `responseBody` is not used.
package struct PendingRequest: Sendable {
    var entry: JournalEntry
    var answer: AnswerBytes

    /// The entry with its answer's body, as a reader sees it.
    var completeEntry: JournalEntry {
        var entry = entry
        entry.responseBody = .init(answer.joined())
        return entry
    }
}
