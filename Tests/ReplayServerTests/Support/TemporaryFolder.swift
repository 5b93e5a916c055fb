import Foundation

/// A folder of its own for one test, removed afterwards whatever happens.
enum TemporaryFolder {
    /// Runs `body` with a new empty folder under the temporary directory, named `prefix-UUID`.
    static func with<T>(_ prefix: String, _ body: (URL) async throws -> T) async throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        return try await body(folder)
    }
}
