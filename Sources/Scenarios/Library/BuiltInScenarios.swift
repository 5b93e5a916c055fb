import Foundation

extension Scenario {
    /// The names of the scenarios shipped with tts-replay, sorted.
    public static var builtInNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(at: builtInDirectory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    /// Loads a shipped scenario by name (`default`, ...).
    ///
    /// - Throws: `DiagnosticError` when no shipped scenario has that name or the file is broken.
    public static func builtIn(named name: String) throws(DiagnosticError) -> Scenario {
        let url = builtInDirectory.appendingPathComponent("\(name).yaml")
        guard FileManager.default.fileExists(atPath: url.path) else {
            var message = "no built-in scenario named '\(name)'; built-in scenarios: \(builtInNames.joined(separator: ", "))"
            if let suggestion = DidYouMean.suggestion(for: name, among: builtInNames) { message += "; did you mean '\(suggestion)'?" }
            throw DiagnosticError([Diagnostic(file: name, line: 0, column: 0, keyPath: "", message: message)])
        }
        return try load(contentsOf: url)
    }

    /// Resolves what a user typed after `--scenario`: a path to a file when one exists there
    /// (or the text looks like a path), otherwise the name of a shipped scenario.
    ///
    /// - Throws: `DiagnosticError` when neither resolves or the file is broken.
    public static func named(_ nameOrPath: String) throws(DiagnosticError) -> Scenario {
        let looksLikePath = nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.hasSuffix(".json")
        if looksLikePath || FileManager.default.fileExists(atPath: nameOrPath) {
            return try load(contentsOf: URL(fileURLWithPath: nameOrPath))
        }
        return try builtIn(named: nameOrPath)
    }

    /// The built-in default scenario: a GB local shop with a few live products on the 3-level
    /// tree, most live for days, one for under 24 hours.
    public static var `default`: Scenario {
        get throws(DiagnosticError) { try builtIn(named: "default") }
    }

    /// The folder of shipped scenarios, written out from the binary (see ``ShippedData``).
    static var builtInDirectory: URL {
        ShippedData.directory.appendingPathComponent("scenarios")
    }
}
