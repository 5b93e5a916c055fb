import Foundation
import PackagePlugin

/// Compiles the shipped data (the `scenarios`, `catalogue` and `cassettes` folders) into the
/// `Scenarios` module as Swift source, so that a built `tts-replay` carries it and runs from
/// any folder, alone.
@main
struct EmbedShippedData: BuildToolPlugin {
    /// The folders of the package that are shipped inside the binary.
    static let folders = ["scenarios", "catalogue", "cassettes"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let enumerator = FileManager.default.enumerator(at: root.appending(path: folder), includingPropertiesForKeys: [.isRegularFileKey])
            while let url = enumerator?.nextObject() as? URL {
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true { inputs.append(url) }
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "ShippedData+Files.swift")
        return [
            .buildCommand(
                displayName: "Embedding the shipped scenarios, catalogue and cassettes",
                executable: try context.tool(named: "embed-shipped-data").url,
                arguments: [output.path, root.path] + Self.folders,
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
