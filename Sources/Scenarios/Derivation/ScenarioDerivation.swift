/// Derives a scenario from recordings of a real shop's API (cassettes written by
/// `tts-replay record`): the shops, the products with their categories, versions, statuses and
/// ages, the app key, the market policy the answers imply, and the recorded answers the
/// simulator cannot produce, kept as a cassette the scenario names.
///
/// The scenario comes back as YAML text with a comment on each part saying which interaction it
/// came from (`recorded.yaml#3 (get_product)`), so that it can be read, edited and committed.
/// Every part the recording cannot give (a redacted token, a category the catalogue lacks) is
/// left at its default or out, with a comment in the file and a ``DerivationNote``.
///
/// ```swift
/// let cassettes = try urls.map(Cassette.loadRecording(contentsOf:))
/// let result = try ScenarioDerivation.derive(from: cassettes, options: .init(name: "my-shop"))
/// try result.scenarioYAML.write(to: folder.appendingPathComponent("my-shop.yaml"), atomically: true, encoding: .utf8)
/// if let leftover = result.leftover {
///     try leftover.yaml.write(to: folder.appendingPathComponent(leftover.fileName), atomically: true, encoding: .utf8)
/// }
/// let scenario = try Scenario.load(contentsOf: folder.appendingPathComponent("my-shop.yaml"))
/// ```
///
/// Cost: one pass over the interactions (each read once, products and shops kept in
/// dictionaries), then output linear in what was derived; bounded by ``Limits``.
package enum ScenarioDerivation {
    /// Derives a scenario from cassettes, read in the order given (later answers win).
    ///
    /// - Parameters:
    ///   - cassettes: The recordings, such as those ``Cassette/loadRecording(contentsOf:)`` reads.
    ///   - options: The scenario's name, the leftover cassette's file name, the catalogue and the limits.
    /// - Returns: The scenario's YAML, the leftover cassette (if any interaction needs one), the
    ///   notes and the counts.
    /// - Throws: ``DerivationError`` when no cassette is given, the input is over a limit, or no
    ///   recorded answer names a usable shop.
    package static func derive(from cassettes: [Cassette], options: Options = Options()) throws(DerivationError) -> Result {
        guard !cassettes.isEmpty else { throw .noCassettes }
        guard cassettes.count <= options.limits.maximumCassettes else {
            throw .tooManyCassettes(count: cassettes.count, limit: options.limits.maximumCassettes)
        }
        let total = cassettes.reduce(0) { $0 + $1.interactions.count }
        guard total <= options.limits.maximumInteractions else {
            throw .tooManyInteractions(count: total, limit: options.limits.maximumInteractions)
        }
        var evidence = RecordingEvidence()
        evidence.products.firstWins = options.precedence == .earliest
        let router = OperationRouter()
        for cassette in cassettes {
            evidence.read(recording: cassette)
            for (index, interaction) in cassette.interactions.enumerated() {
                evidence.read(RecordedExchange(interaction, position: index + 1, cassette: cassette.displayName, router: router), of: cassette)
            }
        }
        let derived = try DerivedScenario(evidence: evidence, sources: cassettes, options: options)
        var result = Result(
            scenarioYAML: ScenarioWriter(derived).yaml(),
            leftover: derived.leftover,
            notes: derived.notes,
            counts: Counts(
                interactions: total,
                shops: derived.shops.count,
                products: derived.products.count,
                productsLeftOut: derived.productsLeftOut.count,
                marketPolicies: derived.policies.count,
                leftoverInteractions: derived.leftover?.interactionCount ?? 0
            )
        )
        result.categoryStandIns = derived.categoryStandIns
        return result
    }
}
