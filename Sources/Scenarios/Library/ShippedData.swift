import Foundation

/// The shipped scenarios, catalogue and cassettes, compiled into the module at build time (the
/// `EmbedShippedData` plugin) and written out once to a folder the loaders read, so that a
/// `tts-replay` binary runs from any folder, alone, with nothing beside it.
///
/// The folder is named by the data's digest, under the temporary directory (or
/// `~/.cache/tts-replay` when that cannot be written); a build with other data writes its own.
/// A folder is complete once it holds `.complete`: it is filled under another name and renamed,
/// so processes starting together never read a half-written one.
enum ShippedData {
    /// The folder holding `scenarios/`, `catalogue/` and `cassettes/`.
    static let directory: URL = {
        let name = "tts-replay-data-\(digest)"
        let homeCache = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache")
        let candidates = [FileManager.default.temporaryDirectory, homeCache].map { $0.appendingPathComponent(name) }
        var failures: [String] = []
        for candidate in candidates {
            do {
                try extract(to: candidate)
                return candidate
            } catch {
                failures.append("\(candidate.path): \(error.localizedDescription)")
            }
        }
        FileHandle.standardError.write(
            Data("error: cannot write tts-replay's shipped scenarios and catalogue (\(failures.joined(separator: "; ")))\n".utf8)
        )
        return candidates[0]
    }()

    private static func extract(to folder: URL) throws {
        let manager = FileManager.default
        let marker = folder.appendingPathComponent(".complete")
        if manager.fileExists(atPath: marker.path) { return }
        try manager.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent)-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            let url = staging.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
        try Data().write(to: staging.appendingPathComponent(".complete"))
        do {
            try manager.moveItem(at: staging, to: folder)
        } catch {
            if manager.fileExists(atPath: marker.path) { return }  // another process finished first
            // An incomplete folder of a process that died: replace it.
            try? manager.removeItem(at: folder)
            try manager.moveItem(at: staging, to: folder)
        }
    }
}
