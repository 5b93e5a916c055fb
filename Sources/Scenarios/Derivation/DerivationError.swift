/// Why no scenario could be derived from a set of recordings.
package enum DerivationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No cassette was given.
    case noCassettes
    /// More cassettes than ``ScenarioDerivation/Limits/maximumCassettes``.
    case tooManyCassettes(count: Int, limit: Int)
    /// More interactions in all than ``ScenarioDerivation/Limits/maximumInteractions``.
    case tooManyInteractions(count: Int, limit: Int)
    /// No Get Authorized Shops answer named a usable shop, so there is no shop to put products in.
    case noShops(interactions: Int, reasons: [String])

    package var description: String {
        switch self {
        case .noCassettes:
            "no cassette to derive a scenario from: give at least one recording made by tts-replay record"
        case .tooManyCassettes(let count, let limit):
            "\(count) cassettes given, over the limit of \(limit); derive from fewer recordings at a time"
        case .tooManyInteractions(let count, let limit):
            "the cassettes hold \(count) interactions, over the limit of \(limit); derive from fewer or smaller recordings"
        case .noShops(let interactions, let reasons):
            "nothing to derive a scenario from: none of the \(interactions) recorded interactions is a Get Authorized Shops answer "
                + "naming a usable shop (record GET /authorization/202309/shops with the client's other calls)"
                + (reasons.isEmpty ? "" : "; " + reasons.joined(separator: "; "))
        }
    }
}
