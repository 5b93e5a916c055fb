import Scenarios
import Synchronization

/// Answers that depend only on a market's catalogue, encoded the first time they are asked
/// for and served as the same bytes after: Get Categories per tree and prohibited flag, Get
/// Attributes and Get Category Rules per leaf. The response path splices them into the
/// envelope beside the request's own `request_id`, and the journal stores them once.
///
/// Bounded by the catalogues: a Get Categories `keyword`, which a client chooses freely, is
/// answered without this cache.
final class CatalogueAnswers: Sendable {
    /// What an answer depends on.
    enum Key: Hashable, Sendable {
        case categories(Region, CategoryVersion, includeProhibited: Bool)
        case attributes(Region, leafID: String)
        case rules(Region, leafID: String)
    }

    private let answers = Mutex<[Key: EncodedPayload]>([:])

    /// The encoded payload of a key, built and encoded the first time.
    func payload(for key: Key, _ build: () -> some Encodable) -> EncodedPayload {
        if let known = answers.withLock({ $0[key] }) { return known }
        let encoded = EncodedPayload(build())
        // Two first requests may both encode; the first stored wins, so every answer after shares one storage.
        return answers.withLock { answers in
            if let known = answers[key] { return known }
            answers[key] = encoded
            return encoded
        }
    }
}
