import Foundation
import ReplayServer
import Scenarios

/// Compares recorded webhook notifications, per type, with the ones the simulator sends.
enum NotificationComparison {
    static func operations(
        _ recorded: [(source: String, notification: Cassette.Notification)],
        scenario: Scenario,
        notes: inout [String]
    ) -> [ConformanceReport.OperationDrift] {
        guard !recorded.isEmpty else { return [] }
        let product = scenario.products.first
        let samples = WebhookSamples.all(
            shopID: scenario.primaryShop.id,
            productID: product?.id ?? "1",
            previousCategory: product?.categoryID ?? "1",
            currentCategory: product?.categoryID ?? "1",
            at: Int64(scenario.clockStart.timeIntervalSince1970)
        )
        var byType: [Int: [(source: String, body: JSONValue, headers: [String: String])]] = [:]
        for (source, notification) in recorded {
            guard case .json(let body) = notification.body, let type = body["type"]?.number.map({ Int($0) }) else {
                notes.append("\(source): not a JSON notification with a numeric type; not compared")
                continue
            }
            byType[type, default: []].append((source, body, notification.headers))
        }
        return byType.keys.sorted().map { type in
            let notifications = byType[type]!
            let name = WebhookType.all.first { $0.number == type }.map { "webhook \($0.name) (\(type))" } ?? "webhook type \(type)"
            let ours = samples.filter { $0.type == type }
            var production = JSONShape()
            for notification in notifications { production.add(notification.body) }
            let sources = notifications.map(\.source)
            var findings: [DriftFinding] = []
            if ours.isEmpty {
                findings.append(
                    DriftFinding(
                        kind: .webhookNotSent,
                        subject: "type \(type)",
                        production: "\(notifications.count) received",
                        simulator: "never sent",
                        examples: sources,
                        count: notifications.count
                    )
                )
            } else {
                var simulator = JSONShape()
                for sample in ours {
                    if let body = try? JSONDecoder().decode(JSONValue.self, from: Data(sample.body)) { simulator.add(body) }
                }
                findings += ShapeComparison.findings(production: production, simulator: simulator, examples: sources)
                let pairs = notifications.map { recorded in
                    ExchangePair(
                        source: recorded.source,
                        production: RecordedAnswer(status: 200, headers: recorded.headers, body: nil),
                        simulator: RecordedAnswer(status: 200, headers: ours[0].headers, body: nil)
                    )
                }
                findings += ExchangeComparison.findings(pairs).filter { $0.kind == .header && $0.subject == "content-type" }
            }
            return ConformanceReport.OperationDrift(
                name: name,
                request: "POST <your webhook receiver>",
                recorded: notifications.count,
                comparedShapes: ours.isEmpty ? 0 : notifications.count,
                findings: findings.sorted(by: DriftFinding.ordered)
            )
        }
    }
}
