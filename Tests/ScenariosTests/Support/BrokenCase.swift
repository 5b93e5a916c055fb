import Testing

/// A broken file and where its first diagnostic must point: the cases of the scenario and
/// cassette loading tests.
struct BrokenCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var line: Int
    var column: Int
    var keyPath: String
    var message: String

    var testDescription: String { name }
}
