import ArgumentParser
import Foundation
import Logging
import ReplayServer
import UnixSignals

/// `tts-replay record`: a proxy that writes a cassette of a client's exchanges with an upstream.
struct Record: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a client's exchanges with an upstream TikTok Shop API into a cassette.",
        discussion: """
            Point the client at the printed base_url and sign requests as for the upstream; each request is
            forwarded unchanged and the upstream's answer returned unchanged. Every exchange is written to
            the cassette at once, with secrets replaced by stable placeholders such as
            <redacted:access_token:1>: every query parameter, header, JSON member or form field whose name
            says token, secret, password, key, sign, signature, auth, cookie or credential (in any case or
            style; app_key and page tokens are kept), the upstream URL's password, every --redact value,
            and any later value equal to or holding a secret seen before. Once listening it prints one JSON
            line (the upstream's password reads <redacted>):
              {"base_url", "cassette", "upstream"}
            SIGINT or SIGTERM stops it. Webhooks the upstream sends go to the client directly and are not recorded.
            A cassette holds at most 64 MiB (what lint, serve and run load): an exchange that would take it past
            that, or an answer over 64 MiB, is answered 502 saying it was not recorded, and record then exits 4.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The upstream API's base URL.", valueName: "url"))
    var upstream: String

    @Option(name: .long, help: ArgumentHelp("The cassette file to write.", valueName: "path"))
    var cassette: String

    @Flag(name: .long, help: "Add to the cassette when it exists.")
    var append = false

    @Flag(name: .long, help: "Replace the cassette when it exists.")
    var overwrite = false

    @Option(name: .long, help: ArgumentHelp("A secret to redact wherever it appears, such as the app secret. Repeatable.", valueName: "value"))
    var redact: [String] = []

    @Option(name: .long, help: "A description written into the cassette.")
    var description: String?

    @Option(name: .long, help: "The address to bind.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to bind; 0 picks a free one (read it from base_url).")
    var port = 0

    @OptionGroup var log: LogOptions

    func validate() throws {
        guard let url = URL(string: upstream), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw ValidationError("--upstream must be an http:// or https:// URL, not '\(Recorder.redactingPassword(in: upstream))'")
        }
        if append && overwrite { throw ValidationError("give --append or --overwrite, not both") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535, not \(port)") }
    }

    func run() async throws {
        let logger = log.bootstrap(label: "tts-replay.record")
        let recorder: Recorder
        do {
            recorder = try await Recorder.start(
                .init(
                    upstream: URL(string: upstream)!,
                    cassettePath: cassette,
                    existingFile: append ? .append : overwrite ? .overwrite : .refuse,
                    secrets: redact,
                    description: description,
                    host: host,
                    port: port,
                    logger: logger
                )
            )
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let line = ["base_url": recorder.baseURL.absoluteString, "cassette": recorder.cassettePath, "upstream": recorder.upstream]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        FileHandle.standardOutput.write((try encoder.encode(line)) + Data("\n".utf8))
        for await signal in signals {
            logger.info("received \(signal), stopping")
            break
        }
        try await recorder.stop()
        let count = await recorder.interactionCount
        logger.info("\(count) interactions in \(recorder.cassettePath)")
        let unrecorded = await recorder.unrecordedCount
        if unrecorded > 0 {
            FileHandle.standardError.write(
                Data("error: \(unrecorded) \(unrecorded == 1 ? "exchange was" : "exchanges were") answered but not recorded (see the log)\n".utf8)
            )
            throw ExitStatus.journalIncomplete.exitCode
        }
    }
}
