import AsyncHTTPClient
import Foundation
import ReplayJournal
import ReplayServer
package import Scenarios

/// Replays recorded production exchanges against the simulator and compares the answers.
///
/// A server runs the scenario with the simulator as its only answerer (no stubs, no cassettes);
/// every recorded request is sent to it in the recorded order (writes change its state, as they
/// did the shop's), signed with the scenario's credentials. Its answers are redacted as `record`
/// redacts, so placeholders stand on both sides. Then, per operation:
/// - each exchange's outcome (status and code), the message of a shared error code, and the
///   headers a client may depend on (``ExchangeComparison``);
/// - the shapes of the answers where both sides succeeded (``ShapeComparison``);
/// - per webhook type, the shape of the recorded notifications against the simulator's.
package enum Conformance {
    /// Compares against the recordings' own shop (``DerivedComparisonScenario``).
    package static func compare(recordings cassettes: [Cassette], requestTimeout: Duration = .seconds(10)) async throws -> ConformanceReport {
        let derived = try DerivedComparisonScenario(recordings: cassettes)
        var report = try await compare(
            recordings: cassettes,
            scenario: derived.scenario,
            categoryStandIns: derived.categoryStandIns,
            requestTimeout: requestTimeout
        )
        report.notes = derived.notes + report.notes
        return report
    }

    /// Compares against a given scenario.
    ///
    /// - Parameters:
    ///   - categoryStandIns: Recorded category ids the scenario's catalogue lacks, and the
    ///     leaves to send instead.
    ///   - requestTimeout: How long each request waits at most for its whole answer.
    package static func compare(
        recordings cassettes: [Cassette],
        scenario: Scenario,
        categoryStandIns: [String: String] = [:],
        requestTimeout: Duration = .seconds(10)
    ) async throws -> ConformanceReport {
        var simulated = scenario
        simulated.answerOrder = [.simulator]
        simulated.stubs = []
        simulated.cassettes = []
        let server = try await ReplayServer.start(scenario: simulated)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            var replay = RecordedRequestReplay(
                client: client,
                baseURL: server.baseURL,
                credentials: server.credentials,
                shopCiphers: Set(scenario.shops.map(\.cipher)),
                standIns: StandIns(categories: categoryStandIns),
                timeout: requestTimeout
            )
            replay.standIns.skus = await skuStandIns(cassettes, replay: replay)
            var report = await compare(cassettes, replay: replay, scenario: scenario)
            try await client.shutdown()
            try await server.stop()
            report.operations.sort(by: ConformanceReport.ordered)
            return report
        } catch {
            try? await client.shutdown()
            try? await server.stop()
            throw error
        }
    }

    /// The simulator's SKU ids for the SKU ids of each recorded product, position by position,
    /// read with a Get Product from the simulator before the replay starts.
    private static func skuStandIns(_ cassettes: [Cassette], replay: RecordedRequestReplay) async -> [String: String] {
        var standIns: [String: String] = [:]
        for product in StandIns.recordedSKUs(in: cassettes, router: OperationRouter()) {
            var query: [String: String] = [:]
            query[RequestParameter.shopCipher] = product.cipher ?? replay.credentials.shopCipher
            let getProduct = APIOperation.getProduct
            let request = Cassette.RecordedRequest(
                method: getProduct.method,
                path: getProduct.path([APIOperation.productIDParameter: product.productID]),
                query: query
            )
            guard let answer = try? await replay.send(replay.prepared(request)), case .json(let body) = answer.body, body["code"]?.number == 0
            else { continue }
            let ours = (body["data"]?["skus"]?.array ?? []).compactMap { $0["id"]?.string }
            for (recorded, simulated) in zip(product.skus, ours) where recorded != simulated { standIns[recorded] = simulated }
        }
        return standIns
    }

    /// One operation's recorded exchanges while they are gathered.
    private struct Gathered {
        var name: String
        var request: String
        var pairs: [ExchangePair] = []
        var production = JSONShape()
        var simulator = JSONShape()
    }

    private static func compare(_ cassettes: [Cassette], replay: RecordedRequestReplay, scenario: Scenario) async -> ConformanceReport {
        let router = OperationRouter()
        var gathered: [Gathered] = []
        var index: [String: Int] = [:]
        var notes: [String] = []
        var redactor = Redactor(style: .numbered)
        var substituted: Set<String> = []
        var exchanges = 0
        for cassette in cassettes {
            for (number, interaction) in cassette.interactions.enumerated() {
                let source = "\(cassette.displayName)#\(number + 1)"
                let recorded = interaction.request
                let (name, template) = Self.operation(of: recorded, router: router)
                let production = RecordedAnswer(interaction.response)
                if let skipped = Self.notComparable(recorded, production: production) {
                    notes.append("\(source): not compared: \(skipped)")
                    continue
                }
                let (prepared, categoryStoodIn) = replay.preparedNoting(recorded, fault: CredentialFault(refusal: production))
                if let cipher = recorded.query[RequestParameter.shopCipher], cipher != prepared.query[RequestParameter.shopCipher] {
                    substituted.insert(cipher)
                }
                let answer: Cassette.RecordedResponse
                do {
                    answer = try await replay.send(prepared)
                } catch {
                    notes.append("\(source): the simulator gave no whole answer (\(error)); not compared")
                    continue
                }
                exchanges += 1
                let redacted = redactor.redact(Cassette.Interaction(request: prepared, response: answer)).interaction.response
                let pair = ExchangePair(source: source, production: production, simulator: RecordedAnswer(redacted))
                if categoryStoodIn, pair.production.outcome != pair.simulator.outcome {
                    notes.append(
                        "\(source): not compared: sent with a stand-in category, whose rules are not the recorded one's; "
                            + "production: \(pair.production.outcome), simulator: \(pair.simulator.outcome)"
                            + (pair.simulator.message.map { " (\($0))" } ?? "")
                    )
                    continue
                }
                let at =
                    index[name]
                    ?? {
                        index[name] = gathered.count
                        gathered.append(Gathered(name: name, request: template))
                        return gathered.count - 1
                    }()
                gathered[at].pairs.append(pair)
                if pair.production.succeeded, pair.simulator.succeeded, let there = pair.production.body, let here = pair.simulator.body {
                    gathered[at].production.add(there)
                    gathered[at].simulator.add(here)
                }
            }
        }
        for cipher in substituted.sorted() {
            notes.append("shop_cipher \(cipher) names no shop of scenario \(scenario.name): sent as \(replay.credentials.shopCipher)")
        }
        var operations = gathered.map { operation in
            let examples = operation.pairs.filter { $0.production.succeeded && $0.simulator.succeeded }.map(\.source)
            var findings = ExchangeComparison.findings(operation.pairs)
            findings += ShapeComparison.findings(production: operation.production, simulator: operation.simulator, examples: examples)
            if operation.production.droppedPaths > 0 || operation.simulator.droppedPaths > 0 {
                notes.append("\(operation.name): more than \(JSONShape.pathLimit) distinct paths; the rest were not compared")
            }
            return ConformanceReport.OperationDrift(
                name: operation.name,
                request: operation.request,
                recorded: operation.pairs.count,
                comparedShapes: operation.production.answers,
                findings: findings.sorted(by: DriftFinding.ordered)
            )
        }
        let notifications = cassettes.flatMap { cassette in
            cassette.notifications.enumerated().map { (source: "\(cassette.displayName)@notification#\($0.offset + 1)", notification: $0.element) }
        }
        operations += NotificationComparison.operations(notifications, scenario: scenario, notes: &notes)
        return ConformanceReport(
            recordings: cassettes.map(\.displayName),
            scenario: scenario.name,
            exchanges: exchanges,
            notifications: notifications.count,
            operations: operations,
            notes: notes
        )
    }

    /// Why an exchange cannot be compared, or nil when it can.
    static func notComparable(_ request: Cassette.RecordedRequest, production: RecordedAnswer) -> String? {
        if RecordedRequestReplay.isMultipart(request) {
            return "a multipart upload is recorded as text, so its bytes cannot be sent again as they were"
        }
        if production.status == 429 {
            return "production limited the rate (HTTP 429); the simulator limits only where a scenario stubs it (docs/scenarios.md, Stubs)"
        }
        return nil
    }

    /// The operation a recorded request calls: its id and template, or its method and path.
    static func operation(of request: Cassette.RecordedRequest, router: OperationRouter) -> (name: String, request: String) {
        if case .operation(let operation, _) = router.match(method: request.method, path: request.path) {
            return (operation.id, "\(operation.method) \(operation.pathTemplate)")
        }
        return ("\(request.method) \(request.path)", "\(request.method) \(request.path)")
    }
}

extension RecordedAnswer {
    /// A recorded response as compared.
    init(_ response: Cassette.RecordedResponse) {
        let body: JSONValue? =
            if case .json(let value) = response.body { value } else { nil }
        self.init(status: response.status, headers: response.headers, body: body)
    }
}
