import Foundation
import Logging
import NIOHTTP1
import NIOSSL
import ReplayJournal
import Scenarios
import Synchronization

/// Sends signed webhooks the way the platform does: after the scenario's delay, retried on the
/// platform's schedule when the receiver does not answer 2xx within the acknowledgement timeout,
/// with the duplicates, swaps, forgeries and drops the scenario asks for. Every attempt is journaled.
///
/// Each attempt is bounded: one deadline, the acknowledgement timeout, covers connecting, the
/// answer's head and its whole body, on a connection of its own. A clock move therefore lasts at
/// most the sum of the attempts it makes due, and stopping the server cancels the attempts in
/// flight (journaled `cancelled`) rather than waiting for their receivers.
///
/// Deliveries run on the scenario clock: a delay of 40 minutes passes in one
/// `clock.advance(by:)`, not in 40 minutes.
public final class WebhookOutbox: Sendable {
    private struct Delivery: Sendable {
        var key: Int
        var notification: WebhookNotification
        var target: String
        var attempt: Int
        var kind: PendingDelivery.Kind
    }

    private struct State {
        var pending: [Int: PendingDelivery] = [:]
        var nextKey = 0
        var notifications = 0
        var forged = 0
        var held: (delivery: Delivery, due: Date)?
    }

    private let behaviour: WebhookBehaviour
    private let app: AppCredentials
    private let seed: UInt64
    private let clock: VirtualClock
    private let journal: Journal
    private let subscriptions: WebhookSubscriptions
    private let logger: Logger
    private let state = Mutex(State())
    private let inFlight = AttemptsInFlight()
    /// The client TLS context, made on the first `https://` attempt.
    private let tls = Mutex<NIOSSLContext?>(nil)

    init(scenario: Scenario, clock: VirtualClock, journal: Journal, subscriptions: WebhookSubscriptions, logger: Logger) {
        self.behaviour = scenario.webhooks
        self.app = scenario.app
        self.seed = scenario.seed
        self.clock = clock
        self.journal = journal
        self.subscriptions = subscriptions
        self.logger = logger
    }

    // MARK: - Public

    /// The deliveries not yet settled, soonest first.
    public var pending: [PendingDelivery] {
        state.withLock { $0.pending.values.sorted { ($0.due, $0.notificationID, $0.attempt) < ($1.due, $1.notificationID, $1.attempt) } }
    }

    /// Waits until nothing more will be delivered without a move of the scenario clock: nothing
    /// in flight or due now (a manual clock), or nothing left to do at all, upgrade moves and
    /// retries included (a scaled clock, which moves by itself).
    ///
    /// - Parameter timeout: How long to wait, in real time.
    /// - Returns: Whether that happened in time (``pending`` says what is left when not).
    @discardableResult
    public func awaitIdle(timeout: Duration = .seconds(20)) async -> Bool {
        await clock.awaitIdle(timeout: timeout)
    }

    // MARK: - Sending

    /// Sends a PRODUCT_CATEGORY_CHANGE (type 18) to the shop's registered address, if any,
    /// with the drops, forgeries, duplicates and swaps the scenario asks for.
    func notifyCategoryChange(shopID: String, productID: String, previous: String, current: String, updateTime: Int64) {
        guard let target = subscriptions.address(of: shopID, for: .productCategoryChange) else { return }
        let now = clock.now
        let notification = WebhookNotification.categoryChange(
            id: nextNotificationID(),
            shopID: shopID,
            productID: productID,
            previous: previous,
            current: current,
            updateTime: updateTime,
            timestamp: Int64(now.timeIntervalSince1970)
        )
        if behaviour.dropped.contains(productID) {
            record(notification, target: target, attempt: 1, kind: .original, signature: "", outcome: .dropped)
            return
        }
        let due = now.addingTimeInterval(seconds(behaviour.delay))
        if state.withLock({ state in
            guard state.forged < behaviour.forged else { return false }
            state.forged += 1
            return true
        }) {
            schedule(makeDelivery(notification, target: target, kind: .forged), at: due)
        }
        let original = makeDelivery(notification, target: target, kind: .original)
        scheduleOriginal(original, at: due)
        for copy in 0..<behaviour.duplicates {
            let after = seconds(behaviour.duplicateAfter) * Double(copy + 1)
            schedule(makeDelivery(notification, target: target, kind: .duplicate), at: due.addingTimeInterval(after))
        }
    }

    /// Sends a product notification of another type (5, 37) to the address the shop registered
    /// for it, if any: signed, after the scenario's delay, retried on the same schedule as
    /// type 18. The scenario's faults (drop, forge, duplicate, out of order) are type 18's only.
    ///
    /// - Parameter make: The notification, from its id and the scenario time in Unix seconds.
    func notify(_ type: WebhookType, shopID: String, make: (_ id: String, _ timestamp: Int64) -> WebhookNotification) {
        guard let target = subscriptions.address(of: shopID, for: type) else { return }
        let now = clock.now
        let notification = make(nextNotificationID(), Int64(now.timeIntervalSince1970))
        schedule(makeDelivery(notification, target: target, kind: .original), at: now.addingTimeInterval(seconds(behaviour.delay)))
    }

    private func nextNotificationID() -> String {
        let sequence = state.withLock { state -> Int in
            state.notifications += 1
            return state.notifications
        }
        return DeterministicID.make(prefix: DeterministicID.notification, seed: seed, sequence: sequence)
    }

    /// Out of order: the first of each pair waits for the second and goes right after it
    /// (or when the hold window ends, if no second comes).
    private func scheduleOriginal(_ delivery: Delivery, at due: Date) {
        guard let window = behaviour.outOfOrder else {
            schedule(delivery, at: due)
            return
        }
        let partner = state.withLock { state -> (delivery: Delivery, due: Date)? in
            defer { if state.held == nil { state.held = (delivery, due) } else { state.held = nil } }
            return state.held
        }
        if let partner {
            schedule(delivery, at: due)
            schedule(partner.delivery, at: max(due, partner.due))
        } else {
            clock.schedule(at: due.addingTimeInterval(seconds(window))) {
                let stillHeld = self.state.withLock { state -> (delivery: Delivery, due: Date)? in
                    guard let held = state.held, held.delivery.key == delivery.key else { return nil }
                    state.held = nil
                    return held
                }
                if let stillHeld { await self.attempt(stillHeld.delivery) }
            }
        }
    }

    private func makeDelivery(_ notification: WebhookNotification, target: String, kind: PendingDelivery.Kind) -> Delivery {
        state.withLock { state in
            state.nextKey += 1
            let delivery = Delivery(key: state.nextKey, notification: notification, target: target, attempt: 1, kind: kind)
            state.pending[delivery.key] = PendingDelivery(
                notificationID: notification.id,
                productID: notification.productID,
                target: target,
                attempt: 1,
                due: clock.now,
                inFlight: false,
                kind: kind
            )
            return delivery
        }
    }

    private func schedule(_ delivery: Delivery, at due: Date) {
        changePending(delivery.key) { $0.due = due }
        clock.schedule(at: due) { await self.attempt(delivery) }
    }

    /// One attempt: POST the body with its signature on a connection of its own, and wait for a
    /// complete answer up to the acknowledgement timeout.
    private func attempt(_ delivery: Delivery) async {
        let signature =
            delivery.kind == .forged
            ? WebhookSignature.sign(body: delivery.notification.body, appKey: app.key, appSecret: "forged-\(app.secret)")
            : WebhookSignature.sign(body: delivery.notification.body, appKey: app.key, appSecret: app.secret)
        let exchange: WebhookExchange
        do {
            exchange = try makeExchange(delivery, signature: signature)
        } catch {
            finish(delivery, signature: signature, result: .failure(error), latency: nil)
            return
        }
        guard let admitted = inFlight.admit(exchange) else {
            // The server is stopping: the attempt is not made, like any delivery still pending.
            settle(delivery.key)
            return
        }
        changePending(delivery.key) { $0.inFlight = true }
        let started = ContinuousClock.now
        let result = await exchange.run()
        finish(delivery, signature: signature, result: result, latency: ContinuousClock.now - started)
        inFlight.finished(admitted)
    }

    /// The request a receiver sees: POST, JSON, the signature in `Authorization`, one connection.
    private func makeExchange(_ delivery: Delivery, signature: String) throws(WebhookAttemptError) -> WebhookExchange {
        guard let target = WebhookTarget(delivery.target) else { throw .invalidTarget(delivery.target) }
        var headers = HTTPHeaders()
        headers.add(name: "host", value: target.hostHeader)
        headers.add(name: "content-type", value: WebhookNotification.contentType)
        headers.add(name: "authorization", value: signature)
        headers.add(name: "user-agent", value: "tts-replay-webhook")
        headers.add(name: "content-length", value: "\(delivery.notification.body.count)")
        headers.add(name: "connection", value: "close")
        return WebhookExchange(
            request: .init(target: target, headers: headers, body: delivery.notification.body),
            timeout: behaviour.acknowledgementTimeout,
            tls: target.usesTLS ? try tlsContext(for: target) : nil
        )
    }

    private func tlsContext(for target: WebhookTarget) throws(WebhookAttemptError) -> NIOSSLContext {
        do {
            return try tls.withLock { cached in
                if let cached { return cached }
                let context = try NIOSSLContext(configuration: .makeClientConfiguration())
                cached = context
                return context
            }
        } catch {
            throw .couldNotConnect(address: target.address, reason: "TLS cannot be set up: \(error)")
        }
    }

    /// Journals an attempt's end and schedules the retry a failure calls for.
    private func finish(_ delivery: Delivery, signature: String, result: WebhookExchange.Result, latency: Duration?) {
        let status = try? result.get()
        let acknowledged = status.map { (200..<300).contains($0) } ?? false
        let failure: WebhookAttemptError? =
            switch result {
            case .success: nil
            case .failure(let error): error
            }
        let outcome: WebhookDeliveryRecord.Outcome =
            switch failure {
            case .cancelled: .cancelled
            default: acknowledged ? .acknowledged : .failed
            }
        logger.log(
            level: acknowledged ? .debug : .notice,
            "webhook \(delivery.notification.id) (\(delivery.kind.rawValue), attempt \(delivery.attempt)) to \(delivery.target): \(outcome.rawValue)\(failure.map { ": \($0)" } ?? status.map { ": HTTP \($0)" } ?? "")"
        )
        record(
            delivery.notification,
            target: delivery.target,
            attempt: delivery.attempt,
            kind: delivery.kind,
            signature: signature,
            outcome: outcome,
            latency: latency,
            status: status,
            error: failure.map(String.init(describing:))
        )
        if outcome == .failed, delivery.kind == .original, delivery.attempt <= behaviour.retries.count {
            var retry = delivery
            retry.attempt += 1
            changePending(delivery.key) {
                $0.attempt = retry.attempt
                $0.inFlight = false
            }
            schedule(retry, at: clock.now.addingTimeInterval(seconds(behaviour.retries[delivery.attempt - 1])))
        } else {
            settle(delivery.key)
        }
    }

    private func record(
        _ notification: WebhookNotification,
        target: String,
        attempt: Int,
        kind: PendingDelivery.Kind,
        signature: String,
        outcome: WebhookDeliveryRecord.Outcome,
        latency: Duration? = nil,
        status: Int? = nil,
        error: String? = nil
    ) {
        journal.record(
            .webhookDelivery(
                WebhookDeliveryRecord(
                    notificationID: notification.id,
                    eventType: notification.eventType,
                    shopID: notification.shopID,
                    target: target,
                    attempt: attempt,
                    payload: Data(notification.body),
                    signature: signature,
                    isForged: kind == .forged,
                    isDuplicate: kind == .duplicate,
                    scenarioTime: clock.unixSeconds,
                    wallTime: Date().timeIntervalSince1970,
                    latencyMicroseconds: latency.map { $0.components.seconds * 1_000_000 + $0.components.attoseconds / 1_000_000_000_000 },
                    responseStatus: status,
                    error: error,
                    outcome: outcome
                )
            )
        )
    }

    // MARK: - Pending

    private func changePending(_ key: Int, _ change: (inout PendingDelivery) -> Void) {
        state.withLock { state in
            if var entry = state.pending[key] {
                change(&entry)
                state.pending[key] = entry
            }
        }
    }

    private func settle(_ key: Int) {
        _ = state.withLock { $0.pending.removeValue(forKey: key) }
    }

    /// Forgets everything pending (admin reset); the clock's reset drops the scheduled attempts.
    func reset() {
        state.withLock { $0 = State() }
    }

    /// Stops sending: cancels the attempts in flight (journaled `cancelled`, not retried), makes
    /// no new ones, and waits until the cancelled ones are journaled, at most one second.
    func stop() async {
        await inFlight.cancelAll(timeout: .seconds(1))
    }

    // MARK: - Helpers

    private func seconds(_ duration: HumanDuration) -> TimeInterval {
        TimeInterval(duration.milliseconds) / 1000
    }
}
