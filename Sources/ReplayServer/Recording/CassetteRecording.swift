import Foundation
import Logging
import ReplayJournal
import Scenarios

/// The cassette being recorded: each exchange is redacted, appended and the file rewritten
/// at once (atomically), so a recording stopped any way keeps every exchange answered so far.
/// Each interaction is written to YAML once and its text kept: a rewrite joins the texts, so
/// an exchange costs its own serialization and a copy of the file, not the serialization of
/// every exchange before it.
///
/// A credential can show up in an ordinary field before it is sent under a secret name (a
/// token first read from a body, then sent in a header): when an exchange teaches the
/// redactor a new credential, the interactions already in the cassette are redacted again
/// for it before the file is rewritten, so no version of the file keeps it.
actor CassetteRecording {
    private var cassette: Cassette
    /// Each interaction of ``cassette`` as YAML (`Cassette.yamlText(_:)`), in order.
    private var interactionTexts: [String]
    private var redactor: Redactor
    private let path: String
    private let logger: Logger
    /// The size the file may grow to.
    private let maximumBytes: Int

    /// The most a cassette may hold and still be loaded (``TextFile/maximumBytes``).
    static let maximumBytes = TextFile.maximumBytes

    /// - Throws: `RecorderError` when the file exists and may not be replaced, cannot be read to
    ///   append to, or cannot be written.
    init(
        path: String,
        existingFile: Recorder.ExistingFile,
        recording: Cassette.Recording,
        description: String?,
        secrets: [String],
        maximumBytes: Int = CassetteRecording.maximumBytes,
        logger: Logger
    )
        throws
    {
        let exists = FileManager.default.fileExists(atPath: path)
        var cassette = Cassette(description: description ?? "", recording: recording)
        var highestPlaceholder = 0
        switch (exists, existingFile) {
        case (true, .refuse):
            throw RecorderError.cassetteExists(path: path)
        case (true, .append):
            do {
                cassette = try Cassette.load(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw RecorderError.cannotAppend(path: path, reason: error.description)
            }
            if let description { cassette.description = description }
            highestPlaceholder = Redactor.highestNumber(in: (try? String(contentsOfFile: path, encoding: .utf8)) ?? "")
        default:
            break
        }
        cassette.sourcePath = path
        self.cassette = cassette
        self.interactionTexts = cassette.interactions.map(Cassette.yamlText)
        self.redactor = Redactor(style: .numbered, secrets: secrets, numberingAfter: highestPlaceholder)
        self.path = path
        self.logger = logger
        self.maximumBytes = maximumBytes
        try Self.write(cassette.yaml(interactionTexts: interactionTexts), to: path)
    }

    /// How many interactions the cassette holds.
    var count: Int { cassette.interactions.count }

    /// Exchanges not recorded because the cassette would have grown past its size (64 MiB at
    /// most: past it no tts-replay could load it), or because the file could not be written.
    private(set) var unrecorded = 0

    /// Redacts an exchange, appends it and rewrites the file.
    ///
    /// - Returns: Why the exchange was not recorded, or nil when it was.
    func append(_ interaction: Cassette.Interaction) -> String? {
        let (redacted, learned) = redactor.redact(interaction)
        if let learned {
            // At most `Redactor.defaultCapacity` times in a recording (the credentials it
            // follows); only the interactions that held the credential are written again.
            for index in cassette.interactions.indices {
                let replaced = Redactor.replacing(cassette.interactions[index], with: learned)
                guard replaced != cassette.interactions[index] else { continue }
                cassette.interactions[index] = replaced
                interactionTexts[index] = Cassette.yamlText(replaced)
            }
        }
        cassette.interactions.append(redacted)
        interactionTexts.append(Cassette.yamlText(redacted))
        let text = cassette.yaml(interactionTexts: interactionTexts)
        if text.utf8.count > maximumBytes {
            cassette.interactions.removeLast()
            interactionTexts.removeLast()
            unrecorded += 1
            let problem =
                "not recorded: with it the cassette \(path) would be \(text.utf8.count) bytes, over the \(maximumBytes) it may hold; record the rest into another cassette"
            logger.error("\(problem)")
            return problem
        }
        do {
            try Self.write(text, to: path)
        } catch {
            logger.error("\(error)")
            unrecorded += 1
            return "not recorded: \(error)"
        }
        return nil
    }

    private static func write(_ text: String, to path: String) throws(RecorderError) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
