import Foundation

extension Cassette {
    /// The names of the cassettes shipped with tts-replay, sorted.
    public static var builtInNames: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(at: builtInDirectory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "yaml" }.map { $0.deletingPathExtension().lastPathComponent }.sorted()
    }

    /// Loads a shipped cassette by name, such as `catalogue-gb`.
    ///
    /// - Throws: `DiagnosticError` when no shipped cassette has that name or the file is broken.
    public static func builtIn(named name: String) throws(DiagnosticError) -> Cassette {
        guard let url = builtInURL(named: name) else {
            var message = "no built-in cassette named '\(name)'; built-in cassettes: \(builtInNames.joined(separator: ", "))"
            if let suggestion = DidYouMean.suggestion(for: name, among: builtInNames) { message += "; did you mean '\(suggestion)'?" }
            throw DiagnosticError([Diagnostic(file: name, line: 0, column: 0, keyPath: "", message: message)])
        }
        return try load(contentsOf: url)
    }

    /// The file of a shipped cassette, when one has that name.
    static func builtInURL(named name: String) -> URL? {
        let url = builtInDirectory.appendingPathComponent("\(name).yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The folder of shipped cassettes, written out from the binary (see ``ShippedData``).
    static var builtInDirectory: URL {
        ShippedData.directory.appendingPathComponent("cassettes")
    }
}
