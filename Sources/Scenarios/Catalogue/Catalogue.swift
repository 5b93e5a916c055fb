public import Foundation
import Synchronization

/// A folder of market catalogues, one sub-folder per region (`GB/`, `DE/`, ...), each holding:
///
/// - `market.json`: `{"region", "locale", "currency"}`;
/// - `v1/categories.json`, `v2/categories.json`: the `data` of Get Categories for each tree;
/// - `v1-to-v2.json`: every v1 leaf id → the v2 leaf the upgrade task moves products to;
/// - `leaves.json`: attribute and rule profiles, and each leaf's profile and title keywords;
/// - `brands.json`: the brands, with the root categories each may be used in.
///
/// Markets load on first use (a few milliseconds) and stay cached for the process.
public struct Catalogue: Sendable, Hashable {
    /// The folder holding one sub-folder per region.
    public let directory: URL

    /// A catalogue folder of your own (the layout above).
    public init(directory: URL) {
        self.directory = directory
    }

    /// The catalogue shipped with tts-replay: GB, DE, FR, IT, ES, IE, JP, US and ID.
    public static var builtIn: Catalogue {
        Catalogue(directory: ShippedData.directory.appendingPathComponent("catalogue"))
    }

    /// The regions that have a folder here, sorted.
    public var regions: [Region] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap(Region.init(rawValue:)).sorted { $0.rawValue < $1.rawValue }
    }

    /// One market's catalogue, loaded and checked on first use.
    ///
    /// - Throws: `DiagnosticError` naming the file (and line) of every problem.
    public func market(_ region: Region) throws(DiagnosticError) -> MarketCatalogue {
        let folder = directory.appendingPathComponent(region.rawValue)
        if let cached = Self.cache.withLock({ $0[folder.path] }) { return cached }
        guard FileManager.default.fileExists(atPath: folder.path) else {
            let known = regions.map(\.rawValue).joined(separator: ", ")
            throw DiagnosticError([
                Diagnostic(
                    file: folder.path,
                    line: 0,
                    column: 0,
                    keyPath: "",
                    message: "no catalogue for market \(region.rawValue) in \(directory.path) (markets here: \(known.isEmpty ? "none" : known))"
                )
            ])
        }
        let market = try CatalogueLoader(folder: folder, region: region).load()
        Self.cache.withLock { $0[folder.path] = market }
        return market
    }

    private static let cache = Mutex<[String: MarketCatalogue]>([:])
}
