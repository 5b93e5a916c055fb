import Foundation
package import Scenarios

/// The scenario `conform` runs when none is given: the recordings' own shop, derived as
/// `tts-replay scenario from-cassette` derives it, but as the recording found it (earlier
/// answers win, since the recording is replayed from its start), with a stand-in leaf for every
/// category the catalogue lacks so that every recorded product exists and every recorded
/// request can be asked again.
package struct DerivedComparisonScenario: Sendable {
    /// The scenario, loaded and checked as any scenario file.
    package var scenario: Scenario
    /// Per recorded category id the catalogue lacks, the leaf that stands in for it.
    package var categoryStandIns: [String: String]
    /// What the derivation could not take as recorded, for the report's notes.
    package var notes: [String]

    /// Derives and loads the scenario (through a temporary folder, removed afterwards).
    ///
    /// - Throws: ``DerivationError`` when the recordings name no usable shop;
    ///   `DiagnosticError` if the derived scenario does not load.
    package init(recordings: [Cassette]) throws {
        let derived = try ScenarioDerivation.derive(
            from: recordings,
            options: .init(name: "derived-from-recordings", unknownCategories: .standIn, precedence: .earliest)
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-conform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("derived-from-recordings.yaml")
        try derived.scenarioYAML.write(to: file, atomically: true, encoding: .utf8)
        if let leftover = derived.leftover {
            try leftover.yaml.write(to: folder.appendingPathComponent(leftover.fileName), atomically: true, encoding: .utf8)
        }
        self.scenario = try Scenario.load(contentsOf: file)
        self.categoryStandIns = derived.categoryStandIns
        let counts = derived.counts
        self.notes =
            [
                "scenario derived from the recordings (as tts-replay scenario from-cassette does): \(counts.shops) shop(s), \(counts.products) product(s)"
                    + (counts.productsLeftOut > 0 ? ", \(counts.productsLeftOut) left out" : "")
            ]
            + derived.categoryStandIns.sorted { $0.key < $1.key }.map { recorded, leaf in
                "category \(recorded) is not in the built-in catalogue: leaf \(leaf) stands in for it in the requests sent"
            }
            + derived.notes.filter { $0.severity == .warning }.map(\.description)
    }
}
