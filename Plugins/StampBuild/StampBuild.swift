import Foundation
import PackagePlugin

/// Writes the commit the tool is built from into the `tts-replay` target, for `--version`.
/// It reads the git metadata as files (no `git` needed); outside a git checkout the commit
/// is "unknown".
@main
struct StampBuild: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var git = root.appending(path: ".git")
        // A worktree's .git is a file that names the real folder.
        if let pointer = try? String(contentsOf: git, encoding: .utf8), pointer.hasPrefix("gitdir: ") {
            git = URL(fileURLWithPath: pointer.dropFirst("gitdir: ".count).trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: root)
        }
        var inputs = [git.appending(path: "HEAD"), git.appending(path: "packed-refs")]
        if let head = try? String(contentsOf: git.appending(path: "HEAD"), encoding: .utf8), head.hasPrefix("ref: ") {
            inputs.append(git.appending(path: head.dropFirst("ref: ".count).trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuildStamp+Commit.swift")
        return [
            .buildCommand(
                displayName: "Stamping the build with its commit",
                executable: try context.tool(named: "stamp-build").url,
                arguments: [output.path, git.path],
                inputFiles: inputs.filter { FileManager.default.fileExists(atPath: $0.path) },
                outputFiles: [output]
            )
        ]
    }
}
