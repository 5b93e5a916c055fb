import ArgumentParser

/// `tts-replay scenario`: make scenarios from what a client recorded.
struct ScenarioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenario",
        abstract: "Make scenarios from recordings.",
        subcommands: [ScenarioFromCassette.self]
    )
}
