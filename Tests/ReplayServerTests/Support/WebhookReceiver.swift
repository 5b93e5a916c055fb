import Crypto
import Foundation
import Hummingbird
import Logging
@_spi(Testing) import ReplayServer
import Scenarios
import Synchronization

/// A webhook receiver on a real socket, as a client would run one: it records every delivery
/// and answers as scripted (a status, or slowness), 200 once the script runs out.
final class WebhookReceiver: Sendable {
    /// How to answer one delivery.
    enum Reply: Sendable {
        case status(Int)
        /// Answer 200, but only after this long (or when the receiver stops).
        case slow(Duration)
        /// Answer 401 when the signature is wrong, 200 otherwise: what a careful client does.
        case verifying
    }

    /// One delivery as it arrived.
    struct Delivery: Sendable {
        var authorization: String
        var body: Data
        var json: JSON

        var notificationID: String { json["tts_notification_id"]?.string ?? "" }
        var productID: String { json["data"]?["product_id"]?.string ?? "" }
        var previousCategoryID: String { json["data"]?["previous_category_id"]?.string ?? "" }
        var currentCategoryID: String { json["data"]?["current_category_id"]?.string ?? "" }
    }

    let url: String
    private let deliveries = Mutex<[Delivery]>([])
    private let script: Mutex<[Reply]>
    private let appKey: String
    private let appSecret: String
    private let released: AsyncStream<Void>
    private let release: AsyncStream<Void>.Continuation

    private init(
        url: String,
        script: [Reply],
        appKey: String,
        appSecret: String,
        released: AsyncStream<Void>,
        release: AsyncStream<Void>.Continuation
    ) {
        self.url = url
        self.script = Mutex(script)
        self.appKey = appKey
        self.appSecret = appSecret
        self.released = released
        self.release = release
    }

    /// What has arrived so far, in order.
    var received: [Delivery] { deliveries.withLock { $0 } }

    /// Whether a delivery's `Authorization` is the HMAC-SHA256 of app_key + body under the app
    /// secret, computed here independently of the server's code.
    func isSigned(_ delivery: Delivery) -> Bool {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(appKey.utf8) + Array(delivery.body), using: SymmetricKey(data: Array(appSecret.utf8)))
        return mac.map { String(format: "%02x", $0) }.joined() == delivery.authorization
    }

    /// Runs `body` with a receiver listening on 127.0.0.1, port 0, stopped afterwards.
    static func with<T>(
        script: [Reply] = [],
        appKey: String,
        appSecret: String,
        _ body: (WebhookReceiver) async throws -> T
    ) async throws -> T {
        let (released, release) = AsyncStream<Void>.makeStream()
        let box = Mutex<WebhookReceiver?>(nil)
        let router = Router()
        router.post("/webhooks") { request, _ -> Response in
            guard let receiver = box.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            return await receiver.handle(request)
        }
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .critical
        let listener = try await Listener.start(responder: router.buildResponder(), host: "127.0.0.1", port: 0, logger: logger)
        let receiver = WebhookReceiver(
            url: listener.baseURL(host: "127.0.0.1") + "/webhooks",
            script: script,
            appKey: appKey,
            appSecret: appSecret,
            released: released,
            release: release
        )
        box.withLock { $0 = receiver }
        func stop() async {
            release.finish()
            try? await listener.stop()
        }
        do {
            let result = try await body(receiver)
            await stop()
            return result
        } catch {
            await stop()
            throw error
        }
    }

    private func handle(_ request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 1 << 20)).map { Data($0.readableBytesView) } ?? Data()
        let json = (try? JSONDecoder().decode(JSON.self, from: body)) ?? .null
        let delivery = Delivery(authorization: request.headers[.authorization] ?? "", body: body, json: json)
        deliveries.withLock { $0.append(delivery) }
        let reply = script.withLock { $0.isEmpty ? Reply.status(200) : $0.removeFirst() }
        switch reply {
        case .status(let code):
            return Response(status: .init(code: code))
        case .verifying:
            return Response(status: isSigned(delivery) ? .ok : .unauthorized)
        case .slow(let duration):
            await withTaskGroup(of: Void.self) { group in
                group.addTask { try? await Task.sleep(for: duration) }
                group.addTask { for await _ in self.released {} }
                await group.next()
                group.cancelAll()
            }
            return Response(status: .ok)
        }
    }
}
