import Foundation
import Testing

/// The docs never send a reader outside the repository: every relative link of the README and
/// of `docs/` names a file of the repository, and none names the team's shared reference.
@Suite("Links in the docs")
struct DocsLinkTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL

    static var pages: [URL] {
        let docs = (try? FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("docs"), includingPropertiesForKeys: nil)) ?? []
        return [root.appendingPathComponent("README.md")] + docs.filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
    }

    @Test func noDocumentNamesTheSharedReference() throws {
        let folders = ["docs", "docs/schema", "examples", "scenarios"].map { Self.root.appendingPathComponent($0) }
        let files = try folders.flatMap { try FileManager.default.contentsOfDirectory(at: $0, includingPropertiesForKeys: nil) }
            .filter { !$0.hasDirectoryPath }
        #expect(files.count > 20)
        for file in files + [Self.root.appendingPathComponent("README.md")] {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            #expect(!text.contains("tiktok-shop-l7.md"), "\(file.lastPathComponent) names a reference outside the repository")
        }
    }

    @Test func everyRelativeLinkNamesAFileOfTheRepository() throws {
        #expect(Self.pages.count > 5)
        for page in Self.pages {
            let text = try String(contentsOf: page, encoding: .utf8)
            #expect(!text.contains("tiktok-shop-l7.md"), "\(page.lastPathComponent) names a reference outside the repository")
            for match in text.matches(of: /\]\(([^)#\s]+)(#[^)]*)?\)/) {
                let target = String(match.1)
                guard !target.contains("://"), !target.hasPrefix("mailto:") else { continue }
                let resolved = page.deletingLastPathComponent().appendingPathComponent(target).standardizedFileURL
                #expect(resolved.path.hasPrefix(Self.root.path + "/"), "\(page.lastPathComponent): \(target) leaves the repository")
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(page.lastPathComponent): \(target) does not exist")
            }
        }
    }
}
