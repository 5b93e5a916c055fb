import Foundation

/// The scenario put together from the evidence: each part with the comment that says where it
/// came from, and what was left out and why. ``ScenarioWriter`` turns it into YAML.
struct DerivedScenario {
    /// A shop and its comments.
    struct ShopPart {
        var shop: Shop
        var source: Provenance
        /// Comments on fields left at their defaults, by key.
        var fieldComments: [String: String]
    }

    /// A product and its comments.
    struct ProductPart {
        var product: Product
        /// Where the product was read: `from a#2 (search_products), a#5 (get_product)`.
        var comment: String
        /// Comments on single fields, by key.
        var fieldComments: [String: String]
    }

    /// A market's implied policy and the answers that imply it.
    struct PolicyPart {
        var region: Region
        var policy: MarketPolicy
        var v2Comment: String?
        var readsComment: String?
    }

    var name: String
    var description: String
    /// Comment lines at the top of the file.
    var header: [String]
    var clockStart: Date
    var clockComment: String
    var appKey: String
    var appKeyComment: String
    var appSecretComment: String
    var tokenComment: String
    var shops: [ShopPart] = []
    var shopsLeftOut: [String] = []
    var products: [ProductPart] = []
    var productsLeftOut: [String] = []
    /// Per recorded category id the catalogue lacks, its stand-in leaf (``ScenarioDerivation/UnknownCategories/standIn``).
    var categoryStandIns: [String: String] = [:]
    var catalogueReference: String?
    var policies: [PolicyPart] = []
    var policyComment: String
    var leftover: ScenarioDerivation.LeftoverCassette?
    var leftoverComment: String
    var notes: [DerivationNote]

    init(evidence: RecordingEvidence, sources: [Cassette], options: ScenarioDerivation.Options) throws(DerivationError) {
        name = options.name
        let names = sources.map(\.displayName)
        let listed = names.count > 5 ? names.prefix(5).joined(separator: ", ") + " and \(names.count - 5) more" : names.joined(separator: ", ")
        description = "Derived from the recording \(listed) by tts-replay scenario from-cassette."
        header = [
            "Derived by tts-replay scenario from-cassette from \(listed) (\(evidence.interactions) interactions).",
            "Each part says where it came from: cassette#interaction (operation). Edit it as any scenario",
            "(docs/scenarios.md); docs/drift.md explains the workflow.",
        ]
        notes = evidence.notes
        catalogueReference = options.catalogueReference

        let defaultApp = AppCredentials.scenarioDefault
        if let key = evidence.appKey {
            appKey = key.value
            appKeyComment = "the app_key of \(key.source)"
        } else {
            appKey = defaultApp.key
            appKeyComment =
                evidence.redactedAppKey.map { "the tts-replay default: the app_key of \($0) is redacted" }
                ?? "the tts-replay default: no request recorded an app_key"
            notes.append(DerivationNote(.info, "app.key: \(appKeyComment)", at: evidence.redactedAppKey))
        }
        appSecretComment = "the tts-replay default: a recording never holds the app secret; sign with this one against the scenario"
        tokenComment =
            "access_tokens: the default (TTP_replay_<app key>, valid 7 days): recorded tokens are redacted, and a real one does not belong in a scenario"
        notes.append(DerivationNote(.info, "app.secret and access_tokens are the tts-replay defaults: the recording holds neither"))

        if let recorded = evidence.recordedAt {
            clockStart = recorded.date
            clockComment = "recorded.at of \(recorded.cassette)"
        } else if let latest = evidence.products.latestTime {
            clockStart = Date(timeIntervalSince1970: TimeInterval(latest))
            clockComment = "no recorded.at: the latest create_time or update_time in the answers"
        } else {
            clockStart = Scenario.defaultClockStart
            clockComment = "the default: the recording has no recorded.at and no product times"
            notes.append(DerivationNote(.info, "clock.start: \(clockComment)"))
        }
        policyComment = ""
        leftoverComment = ""

        let markets = try assembleShops(evidence: evidence, catalogue: options.catalogue)
        if options.unknownCategories == .standIn { assembleStandIns(evidence.categories, markets: markets) }
        assembleProducts(
            evidence.products,
            categories: evidence.categories,
            markets: markets,
            standIn: options.unknownCategories == .standIn,
            earliest: options.precedence == .earliest
        )
        assemblePolicies(evidence.policies)
        assembleLeftover(evidence, sources: sources, fileName: options.leftoverFileName)
    }

    /// The shops whose market the catalogue has, without a cipher twice; their catalogues by region.
    private mutating func assembleShops(evidence: RecordingEvidence, catalogue: Catalogue) throws(DerivationError) -> [Region: MarketCatalogue] {
        var markets: [Region: MarketCatalogue] = [:]
        var missing: [Region: String] = [:]
        var ciphers: Set<String> = []
        var refusals = evidence.shops.refusals
        for entry in evidence.shops.entries {
            let shop = entry.shop
            if markets[shop.region] == nil && missing[shop.region] == nil {
                do {
                    markets[shop.region] = try catalogue.market(shop.region)
                } catch {
                    missing[shop.region] = error.diagnostics.map(\.message).joined(separator: "; ")
                }
            }
            if let problem = missing[shop.region] {
                leaveOut(
                    shop: shop,
                    at: entry.source,
                    because: "its market has no catalogue (\(problem)); give --catalogue a folder with one",
                    refusals: &refusals
                )
                continue
            }
            guard ciphers.insert(shop.cipher).inserted else {
                leaveOut(shop: shop, at: entry.source, because: "its cipher '\(shop.cipher)' is another shop's", refusals: &refusals)
                continue
            }
            let comments = entry.defaulted.mapValues { "the default: \($0)" }
            shops.append(ShopPart(shop: shop, source: entry.source, fieldComments: comments))
        }
        guard !shops.isEmpty else { throw .noShops(interactions: evidence.interactions, reasons: refusals) }
        return markets
    }

    private mutating func leaveOut(shop: Shop, at source: Provenance, because reason: String, refusals: inout [String]) {
        let message = "shop \(shop.id) (\(shop.name), \(shop.region.rawValue)) left out: \(reason)"
        shopsLeftOut.append("\(message); from \(source)")
        refusals.append("\(source): \(message)")
        notes.append(DerivationNote(.warning, message, at: source))
    }

    /// Resolves a request's shop: by its cipher, or the only shop when there is one.
    func shop(cipher: String?, byCipher: [String: Int]) -> ShopPart? {
        if let cipher, let index = byCipher[cipher] { return shops[index] }
        return shops.count == 1 ? shops[0] : nil
    }
}
