import Foundation
import ReplayServer
import Scenarios

/// Scenarios and servers for tests: every test gets its own server on port 0.
enum TestScenarios {
    /// The built-in default scenario.
    static var standard: Scenario {
        get throws { try Scenario.default }
    }

    /// The default scenario with extra YAML merged in at the top level (for a key the default does not set).
    static func scenario(_ yaml: String) throws -> Scenario {
        try Scenario.parse(yaml, file: "test.yaml")
    }
}
