public import Scenarios

/// Cassette lookup without a server, for the benchmarks in `Benchmarks/`: the same index and
/// code path the server uses. Not part of the public API (`@_spi(Benchmarks)`).
@_spi(Benchmarks)
public struct CassetteLookupProbe: Sendable {
    private let player: CassettePlayer

    /// Indexes the cassettes as a server does at start.
    public init(cassettes: [Cassette]) {
        self.player = CassettePlayer(cassettes: cassettes)
    }

    /// Looks a request up; true when an interaction answers it, false for a near miss.
    public func answers(method: String, path: String, query: [(name: String, value: String)], body: Cassette.Body) -> Bool {
        if case .answer = player.lookup(method: method, path: path, query: query, body: body) { return true }
        return false
    }
}
