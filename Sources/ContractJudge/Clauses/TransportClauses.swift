import ReplayJournal
import Scenarios

extension Clause {
    /// Violations for every request that failed one of the gateway's checks (relaxed or not).
    private static func failedChecks(_ checks: Set<GatewayCheck>, in evidence: ContractEvidence, what: String) -> Verdict {
        let requests = evidence.clientRequests
        guard !requests.isEmpty else { return .notExercised("the client made no API request") }
        return .judged(failedCheckViolations(checks, in: requests, what: what))
    }

    private static func failedCheckViolations(_ checks: Set<GatewayCheck>, in requests: [JournalEntry], what: String) -> [ContractViolation] {
        requests.compactMap { entry in
            let failed = entry.failedChecks.filter { checks.contains($0.check) }
            guard let first = failed.first else { return nil }
            return ContractViolation(
                message: "\(what): \(failed.map { "\($0.check.rawValue) failed (\($0.code) \($0.message))" }.joined(separator: "; "))",
                expected:
                    "every request passes the \(checks.map(\.rawValue).sorted().joined(separator: ", ")) check\(checks.count == 1 ? "" : "s")"
                    + (first.relaxed ? " (the scenario relaxed it, so it was answered)" : ""),
                entries: [entry.id],
                request: ContractEvidence.line(entry)
            )
        }
    }

    static let signedAndFresh = Clause(
        id: "l7.signed-and-fresh",
        title: "Every call carries the app_key, a valid sign and a fresh timestamp",
        facts: "api-reference.md §1 Request conventions, Signing and Timestamp window; §2 gateway errors 106001 (bad sign) and 36009004",
        hint:
            "Sign every request: HMAC-SHA256 keyed with the app secret over secret + path + sorted query (name+value, without sign and access_token) + raw body + secret; send timestamp as the current Unix seconds."
    ) { evidence in
        failedChecks([.appKey, .sign, .timestamp], in: evidence, what: "the request was not signed properly")
    }

    static let tokenInHeader = Clause(
        id: "l7.token-in-header",
        title: "The access token travels in the x-tts-access-token header",
        facts: "api-reference.md §1 Request conventions, Access token: header x-tts-access-token, never in the query; token lifetime 7 days",
        hint: "Send the shop's access token in the x-tts-access-token header on every call, and refresh it before it expires."
    ) { evidence in
        let requests = evidence.clientRequests
        guard !requests.isEmpty else { return .notExercised("the client made no API request") }
        // The gateway reads only the header, so a token also sent in the query is answered: it is
        // still a token written into URLs, and so into logs and proxies.
        let failed = failedCheckViolations([.accessToken], in: requests, what: "the access token was missing, unknown or expired")
        let cited = Set(failed.flatMap(\.entries))
        let inQuery = requests.filter { entry in
            !cited.contains(entry.id) && entry.queryParameters.contains { $0.name == "access_token" }
        }.map { entry in
            ContractViolation(
                message: "the access token was sent in the query (access_token)",
                expected: "the token in the x-tts-access-token header only",
                entries: [entry.id],
                request: ContractEvidence.line(entry)
            )
        }
        return .judged((failed + inQuery).sorted { ($0.entries.first ?? 0) < ($1.entries.first ?? 0) })
    }

    static let shopCipher = Clause(
        id: "l7.shop-cipher",
        title: "Shop-scoped calls name their shop with shop_cipher",
        facts:
            "api-reference.md §1 Request conventions, shop_cipher: shop-scoped APIs need it (106013 when missing); §5 cross-border sellers must send the right one per shop",
        hint: "Read each shop's cipher from Get Authorized Shops and pass it as shop_cipher on every shop-scoped call, the right one per shop."
    ) { evidence in
        failedChecks([.shopCipher], in: evidence, what: "the shop_cipher was missing, unknown or not wanted")
    }
}
