public import ContractJudge
public import ReplayJournal
public import Testing

/// Judges what a client did against a server and records one Swift Testing issue per
/// violation, at the caller's source location, with the clause, the evidence and the fix.
/// Violations of warning clauses are recorded as warnings. Clauses the run did not exercise
/// record nothing: read them from the returned report.
///
/// ```swift
/// try await withReplayServer(scenario: try .builtIn(named: "happy-path-gb")) { server in
///     try await MyClient(server: server).upgradeEverything()
///     try await expectContract(server, .l7)
/// }
/// ```
///
/// - Parameters:
///   - server: The server the client talked to.
///   - contract: The contract, or some of its clauses: `.l7.only(["l7.v2-on-listing"])`.
///   - settlingWebhooks: Wait first until the server has no webhook delivery due (default true).
/// - Returns: The report, to inspect further (`report.result("l7.v2-on-listing")?.status`).
@discardableResult
public func expectContract(
    _ server: ReplayServer,
    _ contract: Contract = .l7,
    settlingWebhooks: Bool = true,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> ContractReport {
    if settlingWebhooks { _ = await server.webhooks.awaitIdle() }
    await server.journal.flush()
    return try await expectContract(server.journal.reader, contract, sourceLocation: sourceLocation)
}

/// Judges a journal (of a running server, or a file another process wrote, opened with
/// `JournalReader(path:)`) and records one Swift Testing issue per violation.
@discardableResult
public func expectContract(
    _ journal: JournalReader,
    _ contract: Contract = .l7,
    sourceLocation: SourceLocation = #_sourceLocation
) async throws -> ContractReport {
    let report = try await contract.judge(journal)
    for result in report.results where result.status == .violated {
        for violation in result.violations {
            var lines = ["\(result.id): \(violation.message)"]
            if let request = violation.request {
                lines.append("journal entry \(violation.entries.map(String.init).joined(separator: ", ")): \(request)")
            }
            if let notification = violation.notification { lines.append("webhook notification \(notification)") }
            lines.append("expected: \(violation.expected)")
            lines.append("fix: \(result.hint)")
            Issue.record(
                Comment(rawValue: lines.joined(separator: "\n")),
                severity: result.severity == .error ? .error : .warning,
                sourceLocation: sourceLocation
            )
        }
    }
    return report
}
