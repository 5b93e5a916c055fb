import Logging
import Synchronization

/// A logger whose messages a test can read back.
final class LogRecorder: Sendable {
    private let lines = Mutex<[(level: Logger.Level, message: String)]>([])

    /// A logger at `debug` that writes here.
    var logger: Logger {
        var logger = Logger(label: "tts-replay.test") { _ in Handler(recorder: self) }
        logger.logLevel = .debug
        return logger
    }

    /// The messages at this level or above, in order.
    func messages(atLeast level: Logger.Level) -> [String] {
        lines.withLock { $0.filter { $0.level >= level }.map(\.message) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            recorder.lines.withLock { $0.append((event.level, "\(event.message)")) }
        }
    }
}
