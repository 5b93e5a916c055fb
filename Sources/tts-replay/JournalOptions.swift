public import ArgumentParser
import ReplayJournal
import ReplayServer

/// `--existing-journal`, `--journal-durability`, `--journal-queue-entries`,
/// `--journal-queue-bytes` and `--journal-raw-bodies`, shared by the commands that run a server.
struct JournalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "What to do when --journal names a journal that already holds a run: refuse (the default), continue it after its last entry, or replace it.",
            valueName: "refuse|continue|replace"
        )
    )
    var existingJournal: ExistingJournal = .refuse

    @Option(
        name: .long,
        help: ArgumentHelp(
            "commit-before-answer (the default): an answer is sent once its journal entry is committed, so a killed process loses no answered request; answer-before-commit: sent once queued, a kill loses at most the queued entries.",
            valueName: "mode"
        )
    )
    var journalDurability: JournalDurability = .commitBeforeAnswer

    @Option(name: .long, help: "Journal entries the writer may hold in memory before answers wait for it.")
    var journalQueueEntries = JournalQueueLimit().entries

    @Option(name: .long, help: "Bytes of journal entries the writer may hold in memory before answers wait for it.")
    var journalQueueBytes = JournalQueueLimit().bytes

    @Flag(name: .long, help: "Keep request and answer bodies in the journal as sent, secrets included (local debugging only).")
    var journalRawBodies = false

    func validate() throws {
        guard journalQueueEntries > 0 else { throw ValidationError("--journal-queue-entries must be positive") }
        guard journalQueueBytes > 0 else { throw ValidationError("--journal-queue-bytes must be positive") }
    }

    /// The configuration with these choices.
    func apply(to configuration: ReplayServer.Configuration) -> ReplayServer.Configuration {
        var configuration = configuration
        configuration.existingJournal = existingJournal
        configuration.journalDurability = journalDurability
        configuration.journalQueueLimit = .init(entries: journalQueueEntries, bytes: journalQueueBytes)
        configuration.journalRawBodies = journalRawBodies
        return configuration
    }
}

// Parsed from their raw values (`continue`, `answer-before-commit`).
extension ExistingJournal: ExpressibleByArgument {}
extension JournalDurability: ExpressibleByArgument {}
