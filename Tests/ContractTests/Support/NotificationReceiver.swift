import ContractAssertions
import Foundation
import Hummingbird
import Logging
@_spi(Testing) import ReplayServer
import Synchronization

/// The reference client's webhook endpoint, as a user would write one: check the signature,
/// answer 200 at once, remember each notification id, and queue the product for confirmation.
/// The faults make it careless in one way each.
final class NotificationReceiver: Sendable {
    let url: String
    private let appKey: String
    private let appSecret: String
    private let faults: ClientFaults
    private let slowReply: Duration
    private let state = Mutex<(seen: Set<String>, toConfirm: [String], slowOnesLeft: Int, auditResults: [String: String])>(([], [], 1, [:]))

    private init(url: String, appKey: String, appSecret: String, faults: ClientFaults, slowReply: Duration) {
        self.url = url
        self.appKey = appKey
        self.appSecret = appSecret
        self.faults = faults
        self.slowReply = slowReply
    }

    /// The products notified since the last call, to read back.
    func takeProductsToConfirm() -> [String] {
        state.withLock { state in
            defer { state.toConfirm = [] }
            return state.toConfirm
        }
    }

    /// The audits that ended since the last call: product id and `APPROVED` or `FAILED`.
    func takeAuditResults() -> [String: String] {
        state.withLock { state in
            defer { state.auditResults = [:] }
            return state.auditResults
        }
    }

    /// Types 5 and 37 carry `product_id` as a number of up to 19 digits: read exactly, not as a Double.
    private struct NumericProductID: Decodable {
        struct Body: Decodable {
            var productID: Int64

            enum CodingKeys: String, CodingKey {
                case productID = "product_id"
            }
        }

        var data: Body
    }

    /// Runs `body` with a receiver on 127.0.0.1, port 0, stopped afterwards.
    static func with<T>(
        appKey: String,
        appSecret: String,
        faults: ClientFaults,
        slowReply: Duration = .milliseconds(300),
        _ body: (NotificationReceiver) async throws -> T
    ) async throws -> T {
        let box = Mutex<NotificationReceiver?>(nil)
        let router = Router()
        router.post("/tiktok/webhooks") { request, _ -> Response in
            guard let receiver = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return await receiver.handle(request)
        }
        var logger = Logger(label: "reference-client-receiver")
        logger.logLevel = .critical
        let listener = try await Listener.start(responder: router.buildResponder(), host: "127.0.0.1", port: 0, logger: logger)
        let receiver = NotificationReceiver(
            url: listener.baseURL(host: "127.0.0.1") + "/tiktok/webhooks",
            appKey: appKey,
            appSecret: appSecret,
            faults: faults,
            slowReply: slowReply
        )
        box.withLock { $0 = receiver }
        do {
            let result = try await body(receiver)
            try? await listener.stop()
            return result
        } catch {
            try? await listener.stop()
            throw error
        }
    }

    private func handle(_ request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 1 << 20)).map { Array($0.readableBytesView) } ?? []
        let signature = request.headers[.authorization] ?? ""
        let expected = WebhookSignature.sign(body: body, appKey: appKey, appSecret: appSecret)
        if !faults.contains(.acceptForged) && signature != expected { return Response(status: .unauthorized) }
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(body)), let id = json["tts_notification_id"]?.string else {
            return Response(status: .badRequest)
        }
        let slow =
            faults.contains(.slowAcknowledgement)
            && state.withLock { state in
                defer { state.slowOnesLeft -= 1 }
                return state.slowOnesLeft > 0
            }
        if slow { try? await Task.sleep(for: slowReply) }  // the first delivery only: once is enough to miss the deadline
        let productID =
            json["data"]?["product_id"]?.string ?? (try? JSONDecoder().decode(NumericProductID.self, from: Data(body))).map { "\($0.data.productID)" }
        // An audit's start (AUDITING) changes nothing the client can confirm yet; its end does.
        let auditStatus = json["data"]?["audit"]?["status"]?.string
        let confirmable = auditStatus == nil || auditStatus == "APPROVED" || auditStatus == "FAILED"
        state.withLock { state in
            let isNew = state.seen.insert(id).inserted
            if let productID, let auditStatus, confirmable, isNew { state.auditResults[productID] = auditStatus }
            if let productID, confirmable, isNew || faults.contains(.noDeduplication) { state.toConfirm.append(productID) }
        }
        let isCategoryChange = json["type"]?.number == 18
        return Response(status: faults.contains(.acknowledgesCategoryChangesOnly) && !isCategoryChange ? .internalServerError : .ok)
    }
}
