import Logging
import Synchronization

/// A logger whose messages a test can read back.
final class LogCapture: Sendable {
    private let messages = Mutex<[(level: Logger.Level, text: String)]>([])

    /// A logger that writes here (at the level the caller sets; trace by default).
    var logger: Logger {
        var logger = Logger(label: "capture") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    /// The messages logged at warning or above.
    var warnings: [String] {
        messages.withLock { $0.filter { $0.level >= .warning }.map(\.text) }
    }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            capture.messages.withLock { $0.append((event.level, "\(event.message)")) }
        }
    }
}
