public import Foundation
import Yams

extension Suite {
    /// Loads and checks a suite file.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - clauseIDs: The clause ids `violates` and `require_coverage` may name (besides the
    ///     `expect.<name>` clauses of the scenarios' own expectations).
    /// - Throws: `DiagnosticError` with every problem found, each at its file:line:column.
    public static func load(contentsOf url: URL, clauseIDs: Set<String>) throws(DiagnosticError) -> Suite {
        let document = try YAMLDocument(contentsOf: url)
        return try build(from: document, sourcePath: url.path, clauseIDs: clauseIDs)
    }

    /// Parses and checks suite text; paths are relative to the current folder.
    public static func parse(_ text: String, file: String = "<suite>", clauseIDs: Set<String>) throws(DiagnosticError) -> Suite {
        try build(from: YAMLDocument(text: text, file: file), sourcePath: nil, clauseIDs: clauseIDs)
    }

    /// Whether a document is a suite file: it has `scenarios` at the top, which no scenario or
    /// cassette has.
    static func isSuite(_ document: YAMLDocument) -> Bool {
        document.root.mapping?["scenarios"] != nil
    }

    /// Builds a suite from its document; `clauseIDs` nil leaves clause ids unchecked.
    static func build(from document: YAMLDocument, sourcePath: String?, clauseIDs: Set<String>?) throws(DiagnosticError) -> Suite {
        guard document.isMapping else {
            throw DiagnosticError([document.diagnostic(at: [], message: "a suite is a mapping of keys such as client and scenarios")])
        }
        let (decoded, problems) = document.decodeReportingProblems(SuiteFile.self)
        guard let file = decoded else { throw DiagnosticError(problems) }
        var diagnostics = problems
        func problem(_ path: [String], _ message: String) {
            diagnostics.append(document.diagnostic(at: path.map(PathKey.init), message: message))
        }
        let base =
            sourcePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() } ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        var entries: [Entry] = []
        var positions: [String: Int] = [:]
        for (index, item) in (file.scenarios ?? []).enumerated() {
            guard let item else { continue }
            let selected: [(name: String, reference: String)]
            switch resolve(item.selector, relativeTo: base) {
            case .success(let found): selected = found
            case .failure(let message):
                problem(["scenarios", "\(index)"] + (item.violates.isEmpty ? [] : ["scenario"]), message)
                continue
            }
            for (position, clause) in item.violates.enumerated() {
                if let message = unknownClause(clause, among: clauseIDs) { problem(["scenarios", "\(index)", "violates", "\(position)"], message) }
            }
            for scenario in selected {
                if let known = positions[scenario.reference] {
                    // A later, more specific entry says what this scenario must show.
                    if !item.violates.isEmpty { entries[known].violates = item.violates }
                } else {
                    positions[scenario.reference] = entries.count
                    entries.append(Entry(name: scenario.name, reference: scenario.reference, violates: item.violates))
                }
            }
        }
        if case .clauses(let ids) = file.coverage {
            for (position, clause) in ids.enumerated() {
                if let message = unknownClause(clause, among: clauseIDs) { problem(["require_coverage", "\(position)"], message) }
            }
        }
        if diagnostics.isEmpty, entries.isEmpty {
            problem(["scenarios"], "the suite selects no scenario")
        }
        if !diagnostics.isEmpty { throw DiagnosticError(diagnostics) }
        let stem = sourcePath.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent } ?? "suite"
        return Suite(
            name: file.name ?? stem,
            command: file.client?.command ?? [],
            environment: file.client?.environment ?? [:],
            clientTimeout: file.client?.timeout ?? defaultClientTimeout,
            jobs: file.jobs,
            entries: entries,
            coverage: file.coverage ?? .none
        )
    }

    /// The problem with a clause id, if it names no clause of the contract nor an expectation.
    private static func unknownClause(_ id: String, among clauseIDs: Set<String>?) -> String? {
        guard let clauseIDs, !clauseIDs.contains(id), !id.hasPrefix("expect.") else { return nil }
        return ClosedNames.message(for: id, what: "a clause id", among: clauseIDs.sorted())
    }

    private enum Resolution {
        case success([(name: String, reference: String)])
        case failure(String)
    }

    /// `all`, a glob of files relative to the suite, a path to a file, or a built-in name.
    private static func resolve(_ selector: String, relativeTo base: URL) -> Resolution {
        if selector == "all" { return .success(Scenario.builtInNames.map { ($0, $0) }) }
        if selector.contains(where: { "*?[".contains($0) }) {
            let matches = expand(glob: selector, relativeTo: base)
            guard !matches.isEmpty else { return .failure("'\(selector)' matches no file (relative to \(base.standardizedFileURL.path))") }
            return .success(matches)
        }
        let looksLikePath = selector.contains("/") || selector.hasSuffix(".yaml") || selector.hasSuffix(".yml") || selector.hasSuffix(".json")
        if looksLikePath {
            let url = URL(fileURLWithPath: selector, relativeTo: base).standardizedFileURL
            guard FileManager.default.fileExists(atPath: url.path) else { return .failure("no scenario file at \(url.path)") }
            return .success([(selector, url.path)])
        }
        guard Scenario.builtInNames.contains(selector) else {
            return .failure(ClosedNames.message(for: selector, what: "a built-in scenario (or a path or glob)", among: Scenario.builtInNames))
        }
        return .success([(selector, selector)])
    }

    /// The regular files a glob names, sorted, each as written (its folder as in the glob) and
    /// as a standardized path. Any part of the path may hold `*`, `?` or `[...]`; a part's
    /// pattern does not match a leading dot, as in a shell.
    private static func expand(glob: String, relativeTo base: URL) -> [(name: String, reference: String)] {
        let isAbsolute = glob.hasPrefix("/")
        var found: [(name: String, url: URL)] = [(isAbsolute ? "/" : "", isAbsolute ? URL(fileURLWithPath: "/") : base)]
        let parts = glob.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        for (position, part) in parts.enumerated() {
            let isLast = position == parts.count - 1
            var next: [(name: String, url: URL)] = []
            for (name, folder) in found {
                let children: [String]
                if part.contains(where: { "*?[".contains($0) }) {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                    children = names.filter { fnmatch(part, $0, FNM_PERIOD) == 0 }.sorted()
                } else {
                    children = [part]
                }
                for child in children {
                    let url = folder.appendingPathComponent(child)
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue != isLast else {
                        continue
                    }
                    next.append(((name as NSString).appendingPathComponent(child), url))
                }
            }
            found = next
        }
        return found.map { ($0.name, $0.url.standardizedFileURL.path) }
    }
}
