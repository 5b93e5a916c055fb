import ArgumentParser
import Foundation
import Scenarios

/// `tts-replay catalogue`: load and check market catalogues, and say what they hold.
struct CatalogueCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalogue",
        abstract: "Check market catalogues and summarise them (trees, leaves, depth, brands, load time).",
        discussion: """
            With no market, checks every market in the folder. Exit status 2 when a catalogue is broken,
            with a diagnostic naming the file and line.
            """
    )

    @Argument(help: ArgumentHelp("Markets to check, by region code (GB, DE, JP, ...). Default: all.", valueName: "market"))
    var markets: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("A catalogue folder of your own (one sub-folder per market). Default: the built-in one.", valueName: "path")
    )
    var path: String?

    func validate() throws {
        for code in markets where Region(rawValue: code.uppercased()) == nil {
            throw ValidationError("'\(code)' is not a market region code (GB, DE, FR, IT, ES, IE, JP, US, ID, ...)")
        }
    }

    func run() async throws {
        if let path {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            guard exists, isFolder.boolValue else {
                let problem = exists ? "not a folder; give the catalogue's folder" : "no such catalogue folder"
                FileHandle.standardError.write(Data("\(path): error: \(problem)\n".utf8))
                throw ExitStatus.usage.exitCode
            }
        }
        let catalogue = path.map { Catalogue(directory: URL(fileURLWithPath: $0)) } ?? .builtIn
        var regions = markets.compactMap { Region(rawValue: $0.uppercased()) }
        if regions.isEmpty { regions = catalogue.regions }
        guard !regions.isEmpty else {
            // Checking nothing is no pass: a folder without one market's sub-folder is not a catalogue.
            FileHandle.standardError.write(Data("\(path ?? "the built-in catalogue"): error: no market folder (GB, DE, JP, ...) in it\n".utf8))
            throw ExitStatus.usage.exitCode
        }
        var broken = false
        for region in regions {
            let started = ContinuousClock.now
            do {
                let market = try catalogue.market(region)
                let elapsed = ContinuousClock.now - started
                print(Self.summary(market, milliseconds: Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000))
            } catch {
                broken = true
                FileHandle.standardError.write(Data("\(error)\n".utf8))
            }
        }
        if broken { throw ExitStatus.usage.exitCode }
    }

    private static func summary(_ market: MarketCatalogue, milliseconds: Double) -> String {
        func describe(_ tree: CategoryTree) -> String {
            let depth = tree.leaves.map { tree.path(to: $0.id).count }.max() ?? 0
            let prohibited = tree.categories.filter(\.isProhibited).count
            return "\(tree.version.rawValue) \(tree.categories.count) nodes, \(tree.leaves.count) leaves, depth \(depth), \(prohibited) prohibited"
        }
        let time = String(format: "%.1f", milliseconds)
        return
            "\(market.region.rawValue) \(market.locale) \(market.currency): \(describe(market.v1)); \(describe(market.v2)); \(market.brands.count) brands; loaded in \(time) ms"
    }
}
