import ContractJudge
import Foundation
import ReplayJournal
import Scenarios

extension Journal {
    /// Opens the journal of a server: the configured file, or a new one in a temporary folder
    /// that is removed when the journal closes. The run information names the scenario.
    static func open(for scenario: Scenario, configuration: ReplayServer.Configuration) throws(JournalError) -> Journal {
        var file = configuration.journalPath
        if file == nil {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-\(UUID().uuidString)")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw .cannotOpen(path: directory.path, reason: "cannot create a temporary folder: \(error.localizedDescription)")
            }
            file = directory.appendingPathComponent("journal.sqlite").path
        }
        return try Journal(
            path: file ?? "",
            scenario: scenario.name,
            runInfo: [
                "format_version": JournalSchema.formatVersion,
                "scenario": scenario.name,
                "scenario_source": scenario.sourcePath ?? "",
                "seed": "\(scenario.seed)",
                "clock_start": ScenarioInstant.format(scenario.clockStart),
                ContractFacts.runInfoKey: ContractFacts(scenario: scenario).json,
            ],
            existing: configuration.existingJournal,
            durability: configuration.journalDurability,
            queueLimit: configuration.journalQueueLimit,
            logger: configuration.logger,
            redactor: JournalRedactor(scenario: scenario, keepsRawBodies: configuration.journalRawBodies),
            removesFileOnClose: configuration.journalPath == nil
        )
    }
}
