/// Something the derivation could not take from the recording as it was, and what it did
/// instead: a value left at its default, a product or shop left out, evidence that disagreed.
package struct DerivationNote: Sendable, Hashable, CustomStringConvertible {
    /// How much a note matters to the person reading the derived scenario.
    package enum Severity: String, Sendable, Hashable {
        /// A default stands in for a value the recording does not hold (a redacted secret).
        case info
        /// Part of the recording is not in the scenario (a product, a shop) or disagreed with itself.
        case warning
    }

    /// How much it matters.
    package var severity: Severity
    /// What happened and what to do, in one or two sentences.
    package var message: String
    /// The interaction the note is about, if one.
    package var provenance: Provenance?

    /// Creates a note.
    package init(_ severity: Severity, _ message: String, at provenance: Provenance? = nil) {
        self.severity = severity
        self.message = message
        self.provenance = provenance
    }

    /// `warning: file#N (operation): message`.
    package var description: String {
        "\(severity.rawValue): " + (provenance.map { "\($0): " } ?? "") + message
    }
}
