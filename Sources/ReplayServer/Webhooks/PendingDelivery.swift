public import Foundation

/// A webhook delivery not yet settled: scheduled, in flight, or waiting for a retry.
public struct PendingDelivery: Sendable, Hashable, Codable {
    /// What the delivery is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The notification itself (retried on failure).
        case original
        /// An extra copy with the same `tts_notification_id`, as the scenario asked.
        case duplicate
        /// A copy with a wrong signature, as the scenario asked.
        case forged
    }

    /// `tts_notification_id`.
    public var notificationID: String
    /// The product the notification is about.
    public var productID: String
    /// The receiver's address.
    public var target: String
    /// The attempt that comes next (1 for the first).
    public var attempt: Int
    /// When it is due, on the scenario clock.
    public var due: Date
    /// Whether it is being sent right now.
    public var inFlight: Bool
    /// Original, duplicate or forged.
    public var kind: Kind
}
