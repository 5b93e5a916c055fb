import Foundation

/// Everything the recordings say, read interaction by interaction in order, before the
/// scenario is put together (``DerivedScenario``).
struct RecordingEvidence {
    var notes: [DerivationNote] = []
    var shops = ShopEvidence()
    var products = ProductEvidence()
    var policies = PolicyEvidence()
    var categories = CategoryEvidence()
    /// The latest `app_key` recorded, and where.
    var appKey: (value: String, source: Provenance)?
    /// Every `app_key` recorded, so that a second one is noted once.
    private var appKeysSeen: Set<String> = []
    /// An `app_key` recorded as a placeholder (given to `record --redact`), if any.
    var redactedAppKey: Provenance?
    /// The latest `recorded.at` of the cassettes, and which cassette it was.
    var recordedAt: (date: Date, cassette: String)?
    /// The interactions the simulator does not answer, with the cassette's matching rule added to each.
    var leftover: [Cassette.Interaction] = []
    var leftoverSources: [Provenance] = []
    /// The repeat policies of the cassettes that gave leftovers.
    var leftoverRepeats: Set<Cassette.Repeat> = []
    var interactions = 0

    /// Reads a cassette's metadata.
    mutating func read(recording cassette: Cassette) {
        if let at = cassette.recording.at, at > recordedAt?.date ?? .distantPast {
            recordedAt = (at, cassette.displayName)
        }
    }

    /// Reads one interaction.
    mutating func read(_ exchange: RecordedExchange, of cassette: Cassette) {
        interactions += 1
        readAppKey(exchange)
        guard let operation = exchange.operation, operation.isSimulated else {
            var kept = exchange.interaction
            kept.match = kept.match.merged(with: cassette.match)
            leftover.append(kept)
            leftoverSources.append(exchange.provenance)
            leftoverRepeats.insert(cassette.repeatPolicy)
            return
        }
        if operation == .getAuthorizedShops {
            shops.read(exchange, notes: &notes)
        } else if operation.searchesEitherTree {
            products.readSearch(exchange, notes: &notes)
        } else if operation == .getProduct {
            products.readProduct(exchange, notes: &notes)
        } else if operation == .getCategories {
            categories.read(exchange)
        }
        policies.read(exchange, operation: operation)
    }

    private mutating func readAppKey(_ exchange: RecordedExchange) {
        guard let key = exchange.interaction.request.query["app_key"], !key.isEmpty else { return }
        if RecordedText.isRedacted(key) {
            if redactedAppKey == nil { redactedAppKey = exchange.provenance }
            return
        }
        if let known = appKey, known.value != key, !appKeysSeen.contains(key) {
            notes.append(
                DerivationNote(
                    .warning,
                    "app_key '\(key)' differs from '\(known.value)' recorded at \(known.source); the later one is kept",
                    at: exchange.provenance
                )
            )
        }
        appKeysSeen.insert(key)
        appKey = (key, exchange.provenance)
    }
}
