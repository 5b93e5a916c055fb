/// Anything the journal keeps, queued for the batched writer.
enum JournalRecord: Sendable {
    case request(JournalEntry)
    case webhookDelivery(WebhookDeliveryRecord)
    case clockMove(ClockMove)
    case shopEvent(ShopEvent)
}
