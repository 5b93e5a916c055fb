/// Byte strings kept end to end in one buffer, each after its length: looking for all of them
/// in a text costs one buffer access, not a reference counted per string, keeping them costs
/// one allocation, and a text shorter than the shortest of them is not looked through at all.
struct ByteRuns: Sendable {
    /// Each run as its length (``lengthBytes`` bytes, little-endian), then its bytes.
    private var bytes: [UInt8] = []
    /// The length of the shortest run, `Int.max` while there is none.
    private var shortest = Int.max

    private static let lengthBytes = 4

    /// Adds a run (an empty one is never found, and not kept).
    mutating func append(_ run: some Collection<UInt8>) {
        let count = run.count
        guard count > 0 else { return }
        precondition(count <= Int(UInt32.max), "a run is at most 4 GiB")
        withUnsafeBytes(of: UInt32(count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: run)
        shortest = min(shortest, count)
    }

    /// Each run, in the order added, made into what `transform` makes of its bytes.
    func map<Result>(_ transform: (UnsafeRawBufferPointer) -> Result) -> [Result] {
        bytes.withUnsafeBytes { all in
            var results: [Result] = []
            var start = 0
            while start < all.count {
                let run = Self.run(at: start, in: all)
                results.append(transform(UnsafeRawBufferPointer(rebasing: all[run])))
                start = run.upperBound
            }
            return results
        }
    }

    /// Whether any run occurs in `text`: one `memmem` pass per run that fits in it.
    func anyOccurs(in text: UnsafeRawBufferPointer) -> Bool {
        guard text.count >= shortest else { return false }
        return bytes.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let run = Self.run(at: start, in: all)
                if run.count <= text.count, SecretTable.firstRange(of: UnsafeRawBufferPointer(rebasing: all[run]), in: text, from: 0) != nil {
                    return true
                }
                start = run.upperBound
            }
            return false
        }
    }

    /// Where the bytes of the run whose length stands at `start` are.
    private static func run(at start: Int, in all: UnsafeRawBufferPointer) -> Range<Int> {
        let count = Int(UInt32(littleEndian: all.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
        return (start + lengthBytes)..<(start + lengthBytes + count)
    }
}
