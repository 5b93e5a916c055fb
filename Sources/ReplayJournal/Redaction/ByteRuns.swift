/// Byte strings kept end to end in one buffer, each found by its range: looking for all of
/// them in a text costs one buffer access, not a reference counted per string, and a text
/// shorter than the shortest of them is not looked through at all.
struct ByteRuns: Sendable {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>] = []
    /// The length of the shortest run, `Int.max` while there is none.
    private var shortest = Int.max

    /// Adds a run (an empty one is never found, and not kept).
    mutating func append(_ run: some Collection<UInt8>) {
        guard !run.isEmpty else { return }
        let start = bytes.count
        bytes.append(contentsOf: run)
        ranges.append(start..<bytes.count)
        shortest = min(shortest, bytes.count - start)
    }

    /// Whether any run occurs in `text`: one `memmem` pass per run that fits in it.
    func anyOccurs(in text: UnsafeRawBufferPointer) -> Bool {
        guard text.count >= shortest else { return false }
        return bytes.withUnsafeBytes { all in
            ranges.contains { range in
                range.count <= text.count
                    && SecretTable.firstRange(of: UnsafeRawBufferPointer(rebasing: all[range]), in: text, from: 0) != nil
            }
        }
    }
}
