public import Foundation
public import Logging
import ReplayJournal
import Scenarios

/// Records a client's exchanges with an upstream TikTok Shop API (the real one, or another
/// tts-replay) into a cassette.
///
/// The recorder is a proxy on a local port: it forwards each request unchanged, gives the
/// client the upstream's answer unchanged, and appends the exchange to the cassette file with
/// tokens, signs, secrets, keys, cookies and passwords replaced by stable placeholders (see
/// `docs/cassettes.md`, "Redaction").
///
/// ```swift
/// let recorder = try await Recorder.start(.init(upstream: upstreamURL, cassettePath: "gb.yaml"))
/// // point the client at recorder.baseURL, signing as for the upstream
/// try await recorder.stop()
/// ```
public final class Recorder: Sendable {
    /// What to do when the cassette file already exists.
    public enum ExistingFile: Sendable {
        /// Refuse to start (the default): a recording never replaces a cassette by surprise.
        case refuse
        /// Add the new interactions after the existing ones.
        case append
        /// Replace the file.
        case overwrite
    }

    /// Where to record from and to.
    public struct Configuration: Sendable {
        /// The upstream API's base URL, such as `https://open-api.tiktokglobalshop.com`.
        public var upstream: URL
        /// The cassette file to write.
        public var cassettePath: String
        /// What to do when the file exists. Default: refuse.
        public var existingFile: ExistingFile
        /// Values to redact wherever they appear, such as the app secret. Tokens, signs and
        /// signatures are found without being listed.
        public var secrets: [String]
        /// The cassette's description.
        public var description: String?
        /// The address to bind. Default `127.0.0.1`.
        public var host: String
        /// The port to bind. Default 0: a free one.
        public var port: Int
        /// How long to wait for the upstream's answer. Default 30 seconds.
        public var upstreamTimeout: Duration
        /// The most bytes the cassette file may grow to; an exchange past it is answered 502
        /// and not recorded. Default and most: 64 MiB, what a cassette may hold to be loaded.
        public var maximumCassetteBytes = CassetteRecording.maximumBytes
        /// The logger. Default: warnings and errors, to standard error.
        public var logger: Logger

        /// Creates a configuration; every parameter has the default described on its property.
        public init(
            upstream: URL,
            cassettePath: String,
            existingFile: ExistingFile = .refuse,
            secrets: [String] = [],
            description: String? = nil,
            host: String = "127.0.0.1",
            port: Int = 0,
            upstreamTimeout: Duration = .seconds(30),
            logger: Logger? = nil
        ) {
            self.upstream = upstream
            self.cassettePath = cassettePath
            self.existingFile = existingFile
            self.secrets = secrets
            self.description = description
            self.host = host
            self.port = port
            self.upstreamTimeout = upstreamTimeout
            self.logger =
                logger
                ?? {
                    var logger = Logger(label: "tts-replay.record")
                    logger.logLevel = .warning
                    return logger
                }()
        }
    }

    /// Where clients send their requests, such as `http://127.0.0.1:49153`.
    public let baseURL: URL
    /// The upstream's URL as printed and written into the cassette: a password in it reads
    /// `<redacted>` (`https://user:<redacted>@host`).
    public let upstream: String
    /// The cassette file being written.
    public let cassettePath: String

    private let recording: CassetteRecording
    private let proxy: ProxyResponder
    private let listener: Listener

    private init(baseURL: URL, upstream: String, cassettePath: String, recording: CassetteRecording, proxy: ProxyResponder, listener: Listener) {
        self.baseURL = baseURL
        self.upstream = upstream
        self.cassettePath = cassettePath
        self.recording = recording
        self.proxy = proxy
        self.listener = listener
    }

    /// Starts recording and returns once the proxy accepts connections. The cassette file is
    /// written at once (with no interactions yet), then after every exchange.
    ///
    /// - Throws: ``RecorderError`` for a bad upstream or a cassette that cannot be written;
    ///   ``ReplayServerError`` when the address cannot be bound.
    public static func start(_ configuration: Configuration) async throws -> Recorder {
        guard let scheme = configuration.upstream.scheme, ["http", "https"].contains(scheme), configuration.upstream.host != nil else {
            throw RecorderError.invalidUpstream(redactingPassword(in: configuration.upstream.absoluteString))
        }
        let upstream = redactingPassword(in: configuration.upstream.absoluteString)
        let recording = try CassetteRecording(
            path: configuration.cassettePath,
            existingFile: configuration.existingFile,
            recording: Cassette.Recording(at: Date(), from: upstream, with: "tts-replay record"),
            description: configuration.description,
            secrets: configuration.secrets + [SecretFields.password(in: configuration.upstream.absoluteString)].compactMap { $0 },
            maximumBytes: min(configuration.maximumCassetteBytes, CassetteRecording.maximumBytes),
            logger: configuration.logger
        )
        let proxy = ProxyResponder(
            upstream: configuration.upstream,
            shownAs: upstream,
            timeout: configuration.upstreamTimeout,
            recording: recording,
            logger: configuration.logger
        )
        let listener: Listener
        do {
            listener = try await Listener.start(responder: proxy, host: configuration.host, port: configuration.port, logger: configuration.logger)
        } catch {
            try? await proxy.shutdown()
            throw error
        }
        return Recorder(
            baseURL: URL(string: listener.baseURL(host: configuration.host))!,
            upstream: upstream,
            cassettePath: configuration.cassettePath,
            recording: recording,
            proxy: proxy,
            listener: listener
        )
    }

    /// A URL as it may be shown: the password of its userinfo replaced by `<redacted>`.
    public static func redactingPassword(in url: String) -> String {
        SecretFields.withoutPassword(url)
    }

    /// How many interactions the cassette holds (those appended to included).
    public var interactionCount: Int {
        get async { await recording.count }
    }

    /// How many exchanges were answered but not recorded (the cassette would have been too
    /// large, or could not be written); each was answered 502 saying so.
    public var unrecordedCount: Int {
        get async { await recording.unrecorded }
    }

    /// Stops accepting requests, finishes the ones in flight (each is written) and closes the upstream connections.
    public func stop() async throws {
        let stopped: Result<Void, any Error>
        do {
            stopped = .success(try await listener.stop())
        } catch {
            stopped = .failure(error)
        }
        try await proxy.shutdown()
        try stopped.get()
    }
}
