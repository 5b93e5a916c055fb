import Foundation
import ReplayJournal
import Scenarios

/// Where an anchor of an expectation happened: by wall time when it is something the journal
/// saw (so that steps at one scenario instant keep their order), by scenario time for an instant.
struct AnchorPoint {
    /// The wall-clock time, for events and webhooks.
    var wallTime: Double?
    /// The scenario time.
    var scenarioTime: Int64

    /// Whether a request came after this point.
    func precedes(_ entry: JournalEntry) -> Bool {
        wallTime.map { entry.wallTime > $0 } ?? (entry.scenarioTime >= scenarioTime)
    }

    /// Whether a request came before this point.
    func follows(_ entry: JournalEntry) -> Bool {
        wallTime.map { entry.wallTime < $0 } ?? (entry.scenarioTime < scenarioTime)
    }
}

extension ContractEvidence {
    /// The first time an anchor happened in the run; nil when it never did (or, for an
    /// instant, when the run ended before it).
    func firstOccurrence(of anchor: ScenarioExpectation.Anchor) -> AnchorPoint? {
        switch anchor {
        case .event(let kind, let productID):
            return events.first { $0.kind == kind && (productID == nil || $0.productID == productID) }
                .map { AnchorPoint(wallTime: $0.wallTime, scenarioTime: $0.scenarioTime) }
        case .webhook(let type, let productID):
            return genuineNotifications(of: type, productID: productID).first
                .map { AnchorPoint(wallTime: $0.wallTime, scenarioTime: $0.scenarioTime) }
        case .time(let date):
            let seconds = Int64(date.timeIntervalSince1970)
            return seconds <= endTime ? AnchorPoint(wallTime: nil, scenarioTime: seconds) : nil
        }
    }

    /// The attempts sent to the client of genuine notifications of a type (not forged, not
    /// dropped, not cancelled by the server's stop), about a product when one is named.
    func genuineNotifications(of type: WebhookType, productID: String?) -> [WebhookDeliveryRecord] {
        deliveries.filter { delivery in
            !delivery.isForged && delivery.outcome != .dropped && delivery.outcome != .cancelled && delivery.eventType == type.number
                && (productID == nil || self.productID(of: delivery) == productID)
        }
    }
}
