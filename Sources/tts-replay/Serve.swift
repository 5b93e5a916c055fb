import ArgumentParser
import Foundation
import Logging
import ReplayJournal
import ReplayServer
import Scenarios
import UnixSignals

/// `tts-replay serve`: run the fake API until SIGINT or SIGTERM.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the fake TikTok Shop API for a scenario until interrupted.",
        discussion: """
            Once the server accepts connections it prints exactly one JSON line on standard output:
              {"base_url", "admin_url", "app_key", "app_secret", "access_token", "shop_cipher", "shop_id", "journal"}
            plus "admin_token" when the admin API requires one (--admin-token, or any --host off loopback,
            which also warns). Logs go to standard error. SIGINT or SIGTERM stops it with the journal flushed. The exit status is 4 when
            journal entries were lost (a write failed; the count and the last error are logged, and shown in
            GET /__admin/health while it runs).
            """
    )

    @Option(name: .long, help: ArgumentHelp("A built-in scenario name or a path to a scenario file.", valueName: "name|path"))
    var scenario = "default"

    @Option(
        name: .long,
        help: "The address to bind. Only loopback unless you mean otherwise: any other address warns and locks the admin API with a token."
    )
    var host = "127.0.0.1"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Require this token on the admin API (Authorization: Bearer <token>). Default: none on loopback, a random one otherwise; printed as admin_token.",
            valueName: "token"
        )
    )
    var adminToken: String?

    @Option(name: .long, help: "The port to bind; 0 picks a free one (read it from base_url).")
    var port = 0

    @Option(
        name: .long,
        help: ArgumentHelp("The journal file (SQLite). Default: a new file under the temporary folder, kept after exit.", valueName: "path")
    )
    var journal: String?

    @OptionGroup var journalOptions: JournalOptions

    @Option(name: .long, help: ArgumentHelp("Register this address for PRODUCT_CATEGORY_CHANGE webhooks on every shop.", valueName: "url"))
    var webhookURL: String?

    @OptionGroup var log: LogOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
        if let webhookURL, URL(string: webhookURL)?.scheme.map({ ["http", "https"].contains($0) }) != true {
            throw ValidationError("--webhook-url must be an http:// or https:// URL, not '\(webhookURL)'")
        }
    }

    func run() async throws {
        let logger = log.bootstrap(label: "tts-replay")

        let loaded: Scenarios.Scenario
        do {
            loaded = try Scenarios.Scenario.named(scenario)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }

        let journalPath = journal ?? Self.defaultJournalPath(scenario: loaded.name)
        var configuration = ReplayServer.Configuration(host: host, port: port, journalPath: journalPath, webhookURL: webhookURL, logger: logger)
        configuration.adminToken = adminToken
        let server: ReplayServer
        do {
            server = try await ReplayServer.start(scenario: consume loaded, configuration: journalOptions.apply(to: configuration))
        } catch {
            logger.critical("\(error)")
            throw ExitStatus.usage.exitCode
        }

        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let line = ServeAnnouncement(server: server)
        FileHandle.standardOutput.write(Data((line.json + "\n").utf8))

        for await signal in signals {
            logger.info("received \(signal), stopping")
            break
        }
        try await server.stop()
        logger.info("stopped; journal at \(server.journal.path)")
        // The loss and its last error were logged by the journal at stop.
        if server.journal.lostEntries > 0 { throw ExitStatus.journalIncomplete.exitCode }
    }

    /// `$TMPDIR/tts-replay/<scenario>-<date>-<pid>.sqlite`
    private static func defaultJournalPath(scenario: String) -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let stamp = Int(Date().timeIntervalSince1970)
        return directory.appendingPathComponent("\(scenario)-\(stamp)-\(getpid()).sqlite").path
    }
}

/// The one JSON line `serve` prints once it listens: the client credentials plus where to find
/// the server and its journal.
struct ServeAnnouncement: Encodable {
    var credentials: ClientCredentials
    var baseURL: String
    var adminURL: String
    var journal: String
    /// The admin API's token, when it requires one.
    var adminToken: String?

    enum CodingKeys: String, CodingKey {
        case baseURL = "base_url"
        case adminURL = "admin_url"
        case journal
        case adminToken = "admin_token"
    }

    init(server: ReplayServer) {
        self.credentials = server.credentials
        self.baseURL = server.baseURL.absoluteString
        self.adminURL = server.adminURL.absoluteString
        self.journal = server.journal.path
        self.adminToken = server.adminToken
    }

    /// The credentials' keys and the announcement's own, in one flat object.
    func encode(to encoder: any Encoder) throws {
        try credentials.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(baseURL, forKey: .baseURL)
        try container.encode(adminURL, forKey: .adminURL)
        try container.encode(journal, forKey: .journal)
        try container.encodeIfPresent(adminToken, forKey: .adminToken)
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
