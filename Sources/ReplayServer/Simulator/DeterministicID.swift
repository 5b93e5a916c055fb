/// The 19-digit ids the fake gives to what it creates (products, SKUs, notifications): a
/// 4-digit prefix per kind, 5 digits of the scenario seed, a 10-digit sequence number. The
/// same scenario and the same calls give the same ids.
enum DeterministicID {
    static let product = 1731
    static let sku = 1732
    /// The one SKU of each product a scenario lists, numbered in the scenario's order.
    static let scenarioSKU = 1733
    static let notification = 7327
    static let manufacturer = 7410
    static let responsiblePerson = 7411

    static func make(prefix: Int, seed: UInt64, sequence: Int) -> String {
        let seedPart = String(seed % 100_000)
        let sequencePart = String(sequence)
        return "\(prefix)" + String(repeating: "0", count: 5 - seedPart.count) + seedPart
            + String(repeating: "0", count: max(0, 10 - sequencePart.count)) + sequencePart
    }
}
