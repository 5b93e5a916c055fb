extension DerivedScenario {
    /// The policy of each market some answer says something about; later answers win.
    mutating func assemblePolicies(_ evidence: PolicyEvidence) {
        let byCipher = Dictionary(shops.enumerated().map { ($0.element.shop.cipher, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var found: [Region: (required: PolicyEvidence.Finding?, reads: PolicyEvidence.Finding?)] = [:]
        var order: [Region] = []
        for finding in evidence.findings {
            guard let region = shop(cipher: finding.cipher, byCipher: byCipher)?.shop.region else {
                notes.append(
                    DerivationNote(
                        .warning,
                        "\(finding.detail), but its shop_cipher names none of the recorded shops: no market policy read from it",
                        at: finding.source
                    )
                )
                continue
            }
            if found[region] == nil { order.append(region) }
            var current = found[region] ?? (nil, nil)
            if let required = finding.v2Required {
                if let earlier = current.required, earlier.v2Required != required {
                    notes.append(
                        DerivationNote(
                            .warning,
                            "\(region.rawValue): \(earlier.source) had \(earlier.detail), but this later answer had \(finding.detail); the later one is kept "
                                + "(if v2 became required between them, set market_policy.\(region.rawValue).v2_required_from)",
                            at: finding.source
                        )
                    )
                }
                current.required = finding
            }
            if finding.v1ReadsRefused != nil { current.reads = finding }
            found[region] = current
        }
        for region in order {
            guard let (required, reads) = found[region] else { continue }
            policies.append(
                PolicyPart(
                    region: region,
                    policy: MarketPolicy(v2Required: required?.v2Required ?? true, v1ReadsRefused: reads != nil),
                    v2Comment: required.map { "\($0.source): \($0.detail)" },
                    readsComment: reads.map { "\($0.source): \($0.detail)" }
                )
            )
        }
        policyComment =
            policies.isEmpty
            ? "market_policy: no create or edit on the 3-level tree was recorded, so every market keeps the default: v2 required from the start"
            : "market_policy: implied by the answers below; markets not listed keep the default (v2 required from the start)"
    }
}
