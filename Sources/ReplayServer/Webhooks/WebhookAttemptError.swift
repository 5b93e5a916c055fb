import Scenarios

/// Why one webhook attempt was not acknowledged, as the journal's `error` column says it.
enum WebhookAttemptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// How far an exchange had got when it ended: what the error text reports.
    enum Progress: Sendable, Equatable, CustomStringConvertible {
        /// The connection was not open yet.
        case connecting
        /// The request was sent (or was being sent); no status line had arrived.
        case awaitingHead
        /// The head arrived; `received` of `expected` (nil: no `Content-Length`) body bytes followed.
        case readingBody(status: Int, received: Int, expected: Int?)

        var description: String {
            switch self {
            case .connecting:
                "still connecting"
            case .awaitingHead:
                "no status line"
            case .readingBody(let status, let received, let expected):
                "HTTP \(status) head, then \(received)\(expected.map { " of \($0)" } ?? "") body bytes"
            }
        }
    }

    /// The address is not an `http://` or `https://` URL with a host.
    case invalidTarget(String)
    /// The connection could not be opened (refused, unreachable, TLS set-up): nothing was sent.
    case couldNotConnect(address: String, reason: String)
    /// The whole answer, body included, did not arrive within the acknowledgement timeout.
    case timedOut(after: HumanDuration, progress: Progress)
    /// The receiver closed the connection before its answer was complete.
    case closedEarly(progress: Progress)
    /// The connection failed while the request or the answer was on the way (reset, TLS error).
    case connectionFailed(progress: Progress, reason: String)
    /// The receiver's answer is not HTTP/1.1.
    case malformedAnswer(reason: String)
    /// The attempt was cancelled while in flight: the server stopped, or the task moving the clock was cancelled.
    case cancelled(byServerStop: Bool)

    var description: String {
        switch self {
        case .invalidTarget(let target):
            "the address '\(target)' is not an http:// or https:// URL with a host"
        case .couldNotConnect(let address, let reason):
            "could not connect to \(address): \(reason)"
        case .timedOut(let timeout, let progress):
            "no answer within \(timeout) (\(progress))"
        case .closedEarly(let progress):
            "the receiver closed the connection before the end of its answer (\(progress))"
        case .connectionFailed(let progress, let reason):
            "the connection failed (\(progress)): \(reason)"
        case .malformedAnswer(let reason):
            "the answer is not valid HTTP/1.1: \(reason)"
        case .cancelled(let byServerStop):
            "cancelled while in flight: \(byServerStop ? "the server stopped" : "the task moving the clock was cancelled")"
        }
    }

}
