/// What a deliberately broken client gets wrong: each fault breaks one clause. The reference
/// client has none.
struct ClientFaults: OptionSet, Sendable, Hashable, CustomStringConvertible {
    let rawValue: Int

    /// Signs its first call with a wrong sign.
    static let badSign = ClientFaults(rawValue: 1 << 0)
    /// Sends the token in the query of its first call instead of the header.
    static let tokenInQuery = ClientFaults(rawValue: 1 << 1)
    /// Leaves shop_cipher off its first Get Categories.
    static let noShopCipher = ClientFaults(rawValue: 1 << 2)
    /// Reads the categories with category_version=v1.
    static let v1Listing = ClientFaults(rawValue: 1 << 3)
    /// Creates a product on a 3-level leaf while saying v2.
    static let v1LeafOnCreate = ClientFaults(rawValue: 1 << 4)
    /// Calls a legacy Global Product API.
    static let legacyGlobalProducts = ClientFaults(rawValue: 1 << 5)
    /// Triggers the upgrade task again at once.
    static let hammersUpgrade = ClientFaults(rawValue: 1 << 6)
    /// Stops after the first task: never comes back for skipped or failed products.
    static let stopsAfterFirstTask = ClientFaults(rawValue: 1 << 7)
    /// Acknowledges webhooks after the deadline.
    static let slowAcknowledgement = ClientFaults(rawValue: 1 << 8)
    /// Accepts webhooks without checking their signature.
    static let acceptForged = ClientFaults(rawValue: 1 << 9)
    /// Acts on every delivery, duplicates included.
    static let noDeduplication = ClientFaults(rawValue: 1 << 10)
    /// Never reads a product back after its webhook.
    static let noConfirmation = ClientFaults(rawValue: 1 << 11)
    /// Retries a 429 at once.
    static let ignoresRetryAfter = ClientFaults(rawValue: 1 << 12)
    /// Reads a product back right after editing it to a v2 leaf and does not wait for the audit.
    static let confirmsDuringReview = ClientFaults(rawValue: 1 << 13)
    /// Reads each notified product back with another shop's cipher: the read fails (no such
    /// product in that shop), and confirms nothing.
    static let confirmsInAnotherShop = ClientFaults(rawValue: 1 << 14)
    /// Works with the first shop Get Authorized Shops lists and ignores the others.
    static let firstShopOnly = ClientFaults(rawValue: 1 << 15)
    /// Not a fault: once the late webhooks are handled, an hour later, reads every product of
    /// its shops once more, as a final check (no clause may take it for a repeat handled twice).
    static let checksEveryProductAtTheEnd = ClientFaults(rawValue: 1 << 16)
    /// Sends the token in the query of its first call as well as in the header.
    static let tokenAlsoInQuery = ClientFaults(rawValue: 1 << 17)
    /// Reads a leaf's attributes through the legacy Get Global Attributes.
    static let legacyGlobalAttributes = ClientFaults(rawValue: 1 << 18)
    /// Handles every webhook but answers HTTP 500 to those that are not category changes
    /// (status and audit changes), as a receiver written for type 18 alone does.
    static let acknowledgesCategoryChangesOnly = ClientFaults(rawValue: 1 << 19)
    /// Not a fault: before reading a notified product back, edits its description (its
    /// category stays), so the read comes while that edit is under review.
    static let editsDescriptionBeforeConfirming = ClientFaults(rawValue: 1 << 20)
    /// Not a fault: confirms each notification with a Search Products on v2 in the product's
    /// shop, not a Get Product.
    static let confirmsBySearch = ClientFaults(rawValue: 1 << 21)
    /// Handles a product the task keeps failing by editing it to another leaf of the 3-level
    /// tree (category_version=v1), which a market before its cut-off accepts.
    static let editsFailedToAnotherV1Leaf = ClientFaults(rawValue: 1 << 22)

    static let names: [(ClientFaults, String)] = [
        (.badSign, "badSign"), (.tokenInQuery, "tokenInQuery"), (.noShopCipher, "noShopCipher"), (.v1Listing, "v1Listing"),
        (.v1LeafOnCreate, "v1LeafOnCreate"), (.legacyGlobalProducts, "legacyGlobalProducts"), (.hammersUpgrade, "hammersUpgrade"),
        (.stopsAfterFirstTask, "stopsAfterFirstTask"), (.slowAcknowledgement, "slowAcknowledgement"), (.acceptForged, "acceptForged"),
        (.noDeduplication, "noDeduplication"), (.noConfirmation, "noConfirmation"), (.ignoresRetryAfter, "ignoresRetryAfter"),
        (.confirmsDuringReview, "confirmsDuringReview"), (.confirmsInAnotherShop, "confirmsInAnotherShop"),
        (.firstShopOnly, "firstShopOnly"), (.checksEveryProductAtTheEnd, "checksEveryProductAtTheEnd"), (.tokenAlsoInQuery, "tokenAlsoInQuery"),
        (.legacyGlobalAttributes, "legacyGlobalAttributes"), (.acknowledgesCategoryChangesOnly, "acknowledgesCategoryChangesOnly"),
        (.editsDescriptionBeforeConfirming, "editsDescriptionBeforeConfirming"), (.confirmsBySearch, "confirmsBySearch"),
        (.editsFailedToAnotherV1Leaf, "editsFailedToAnotherV1Leaf"),
    ]

    var description: String {
        let named = Self.names.filter { contains($0.0) }.map(\.1)
        return named.isEmpty ? "reference" : named.joined(separator: "+")
    }
}
