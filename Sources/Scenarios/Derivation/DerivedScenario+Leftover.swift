extension DerivedScenario {
    /// How many kinds of leftover interaction the scenario's comment names.
    static let leftoverKindsNamed = 5

    /// The interactions of routes the simulator does not answer, as a cassette of their own.
    mutating func assembleLeftover(_ evidence: RecordingEvidence, sources: [Cassette], fileName: String) {
        guard !evidence.leftover.isEmpty else {
            leftoverComment = "cassettes: none needed, the simulator answers every operation the recording holds"
            return
        }
        let ciphers = Set(shops.map(\.shop.cipher))
        var unknownCiphers: Set<String> = []
        for (interaction, source) in zip(evidence.leftover, evidence.leftoverSources) {
            guard let cipher = interaction.request.query["shop_cipher"], !RecordedText.isRedacted(cipher), !ciphers.contains(cipher) else { continue }
            if unknownCiphers.insert(cipher).inserted {
                notes.append(
                    DerivationNote(
                        .warning,
                        "kept in \(fileName), but its shop_cipher '\(cipher)' names no shop of the scenario: the gateway refuses such a request",
                        at: source
                    )
                )
            }
        }
        let repeatPolicy: Cassette.Repeat
        if evidence.leftoverRepeats.count == 1, let only = evidence.leftoverRepeats.first {
            repeatPolicy = only
        } else {
            repeatPolicy = .last
            notes.append(
                DerivationNote(.warning, "the cassettes giving leftovers repeat differently; \(fileName) repeats the last answer (repeat: last)")
            )
        }
        let cassette = Cassette(
            description: "Recorded answers the simulator cannot produce, kept from \(sources.map(\.displayName).joined(separator: ", ")) "
                + "by tts-replay scenario from-cassette for the scenario \(name).",
            recording: Cassette.Recording(
                at: evidence.recordedAt?.date,
                from: sources.lazy.compactMap(\.recording.from).first,
                with: "tts-replay scenario from-cassette"
            ),
            repeatPolicy: repeatPolicy,
            interactions: evidence.leftover
        )
        leftover = ScenarioDerivation.LeftoverCassette(fileName: fileName, yaml: cassette.yaml(), interactionCount: evidence.leftover.count)

        var kinds: [String: Int] = [:]
        var kindOrder: [String] = []
        for source in evidence.leftoverSources {
            if kinds[source.operation] == nil { kindOrder.append(source.operation) }
            kinds[source.operation, default: 0] += 1
        }
        let named = kindOrder.prefix(Self.leftoverKindsNamed).map { "\(kinds[$0] ?? 0) × \($0)" }
        let more = kindOrder.count > Self.leftoverKindsNamed ? " and \(kindOrder.count - Self.leftoverKindsNamed) more kinds" : ""
        leftoverComment =
            "cassettes: \(evidence.leftover.count) recorded answers the simulator cannot produce (\(named.joined(separator: ", "))\(more)), "
            + "kept in \(fileName); answer_order stays the default (stubs, simulator, cassettes), so the cassette answers only what the simulator does not"
    }
}
