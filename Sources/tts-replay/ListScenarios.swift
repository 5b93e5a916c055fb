import ArgumentParser
import Scenarios

/// `tts-replay scenarios`: list the built-in scenarios.
struct ListScenarios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the built-in scenarios, with their descriptions."
    )

    func run() async throws {
        for name in Scenario.builtInNames {
            let description =
                (try? Scenario.builtIn(named: name).description) ?? "(does not load: run `tts-replay serve --scenario \(name)` to see why)"
            print("\(name)\t\(description)")
        }
    }
}
