import ContractAssertions
import Foundation
import Testing

/// A team's own clause, written with the public `Clause` and `ContractEvidence` API, judged
/// with `expectContract` beside the L7 clauses.
@Suite("Custom clauses")
struct CustomClauseTests {
    /// The team reads the category tree once per shop and caches it.
    static let categoriesReadOnce = Clause(
        id: "team.categories-read-once",
        title: "Get Categories is called at most once per shop",
        facts: "our cache: the tree changes only with the L7 move",
        hint: "Cache the category tree per shop and tree version."
    ) { evidence in
        let reads = evidence.clientRequests.filter { $0.operation == APIOperation.getCategories.id }
        guard !reads.isEmpty else { return .notExercised("the client never read the categories") }
        var seen: Set<String> = []
        return .judged(
            reads.compactMap { entry in
                let key = (entry.shopCipher ?? "") + "/" + (evidence.query(RequestParameter.categoryVersion, of: entry) ?? "")
                if seen.insert(key).inserted { return nil }
                return ContractViolation(
                    message: "read the \(evidence.query(RequestParameter.categoryVersion, of: entry) ?? "default") categories again",
                    expected: "one Get Categories per shop and tree",
                    entries: [entry.id],
                    request: ContractEvidence.line(entry)
                )
            }
        )
    }

    /// Runs a client that reads the categories some times, then judges `.l7 + [clause]`.
    static func run(reads: Int, _ judge: (ReplayServer) async throws -> Void) async throws {
        try await withReplayServer(scenario: try .builtIn(named: "happy-path-gb")) { server in
            try await NotificationReceiver.with(appKey: server.scenario.app.key, appSecret: server.scenario.app.secret, faults: []) { receiver in
                let client = ReferenceClient(server: server, receiver: receiver)
                for _ in 0..<reads { try await client.readCategories("v2") }
                try await judge(server)
            }
        }
    }

    @Test func aCustomClauseFailsABrokenClientAtTheCallersLine() async throws {
        try await Self.run(reads: 2) { server in
            let line = #line + 2  // the line of expectContract below
            try await withKnownIssue {
                _ = try await expectContract(server, .l7 + [Self.categoriesReadOnce])
            } matching: { issue in
                issue.sourceLocation?.line == line
                    && issue.comments.contains { $0.rawValue.hasPrefix("team.categories-read-once: read the v2 categories again") }
            }
        }
    }

    @Test func aCustomClausePassesAGoodClient() async throws {
        try await Self.run(reads: 1) { server in
            let report = try await expectContract(server, .l7 + [Self.categoriesReadOnce])
            #expect(report.result("team.categories-read-once")?.status == .passed)
            #expect(report.results.count == Contract.l7.clauses.count + 1)
            #expect(report.passed)
        }
    }

    @Test func aContractOfOnesOwnClauses() async throws {
        try await Self.run(reads: 0) { server in
            let report = try await expectContract(server, Contract(name: "team", clauses: [Self.categoriesReadOnce]))
            #expect(report.contract == "team")
            #expect(report.results.map(\.id) == ["team.categories-read-once"])
            #expect(report.result("team.categories-read-once")?.notExercisedBecause == "the client never read the categories")
        }
    }
}
