/// Anything the journal keeps, queued for the batched writer.
package enum JournalRecord: Sendable {
    case request(JournalEntry)
    case webhookDelivery(WebhookDeliveryRecord)
    case clockMove(ClockMove)
    case shopEvent(ShopEvent)
}

/// A request entry on its way to the file: the entry, and its answer's body as the server holds
/// it (a shared part by reference, not copied per entry); the entry's own `responseBody` is
/// not used.
package struct PendingRequest: Sendable {
    var entry: JournalEntry
    var answer: AnswerBytes

    /// The entry with its answer's body, as a reader sees it.
    var completeEntry: JournalEntry {
        var entry = entry
        entry.responseBody = .init(answer.joined())
        return entry
    }

    /// What the entry costs in the writer's queue: its own bytes, not the shared part.
    var queueCost: Int {
        var cost = 256 + entry.path.utf8.count + entry.query.utf8.count + entry.body.count + answer.head.count + answer.tail.count
        for (name, value) in entry.headers { cost += name.utf8.count + value.utf8.count + 8 }
        return cost
    }
}
