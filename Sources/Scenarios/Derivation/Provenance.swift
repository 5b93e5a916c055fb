/// Where a derived value came from: one interaction of a recording, and the operation it was.
///
/// Written as `recorded.yaml#3 (get_product)`: the cassette's file name, the interaction's
/// position in it (from 1, as the journal's `answered_from` counts), and the operation id, or
/// the method and path for a route outside the operation table.
package struct Provenance: Sendable, Hashable, CustomStringConvertible {
    /// The cassette's display name (its file name).
    package var cassette: String
    /// The interaction's position in its cassette, from 1.
    package var interaction: Int
    /// The operation id, or `METHOD /path` for a route the operation table does not know.
    package var operation: String

    /// Creates a provenance.
    package init(cassette: String, interaction: Int, operation: String) {
        self.cassette = cassette
        self.interaction = interaction
        self.operation = operation
    }

    /// `file#N (operation)`.
    package var description: String { "\(cassette)#\(interaction) (\(operation))" }
}
