/// What the recorded answers imply about each market's policy: a create or edit on the 3-level
/// tree refused with ``MarketPolicy/v2RequiredErrorCode`` means v2 is required there; one
/// accepted means it is not yet; a read on v1 refused with that code means reads refuse v1 too.
struct PolicyEvidence {
    /// One answer that says something about a policy.
    struct Finding {
        /// The shop the request named (its `shop_cipher`), to find the market by.
        var cipher: String?
        /// What the answer implies: v2 required or not (create and edit).
        var v2Required: Bool?
        /// What the answer implies: v1 reads refused (read APIs).
        var v1ReadsRefused: Bool?
        var source: Provenance
        /// The evidence in words, for the comment: `category_version v1 refused with 12052217`.
        var detail: String
    }

    private(set) var findings: [Finding] = []

    /// Reads an answer of a simulated operation that takes `category_version`.
    mutating func read(_ exchange: RecordedExchange, operation: APIOperation) {
        guard operation.isListing, !operation.searchesEitherTree, let requested = exchange.requestedCategoryVersion else { return }
        // Absent means v1 everywhere but Search Products; a Partial Edit without a category says nothing.
        if operation.isPartialEdit && exchange.bodyField("category_id") == nil { return }
        guard requested ?? .v1 == .v1, let code = exchange.code else { return }
        let named = requested == nil ? "no category_version (v1)" : "category_version v1"
        let refused = code == MarketPolicy.v2RequiredErrorCode
        var finding = Finding(cipher: exchange.shopCipher, source: exchange.provenance, detail: "")
        if operation.writesProduct {
            guard refused || code == 0 else { return }
            finding.v2Required = refused
            finding.detail = refused ? "\(named) refused with \(code)" : "\(named) accepted (code 0)"
        } else {
            guard refused else { return }
            finding.v1ReadsRefused = true
            finding.detail = "a read with \(named) refused with \(code)"
        }
        findings.append(finding)
    }
}
