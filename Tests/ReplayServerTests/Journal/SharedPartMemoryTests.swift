import Testing

@testable import ReplayJournal

/// The journal's caches of hot shared answer parts know them by their storage and hold them
/// alive: bounded by entries and by bytes, whatever a client makes the server share.
@Suite("Shared part memory")
struct SharedPartMemoryTests {
    @Test func aPartIsKnownByItsStorageNotItsContent() {
        var memory = SharedPartMemory<Int>(maxEntries: 4, maxBytes: 1_000)
        let part: [UInt8] = Array(repeating: 1, count: 100)
        memory.remember(7, for: part)
        #expect(memory[part] == 7)
        let copy = part.map { $0 }
        #expect(copy == part)
        #expect(memory[copy] == nil, "equal bytes in other storage are another part")
        memory.remember(8, for: part)
        #expect(memory[part] == 8)
    }

    @Test func pastEitherBoundEverythingIsForgotten() {
        var byCount = SharedPartMemory<Int>(maxEntries: 2, maxBytes: 1_000)
        let parts = (0..<3).map { [UInt8](repeating: UInt8($0), count: 10) }
        for (index, part) in parts.enumerated() { byCount.remember(index, for: part) }
        #expect(byCount[parts[0]] == nil && byCount[parts[1]] == nil)
        #expect(byCount[parts[2]] == 2)

        var byBytes = SharedPartMemory<Int>(maxEntries: 100, maxBytes: 250)
        let large = (0..<3).map { [UInt8](repeating: UInt8($0), count: 100) }
        for (index, part) in large.enumerated() { byBytes.remember(index, for: part) }
        #expect(byBytes[large[0]] == nil && byBytes[large[1]] == nil, "300 bytes are past 250")
        #expect(byBytes[large[2]] == 2)

        let tooLarge = [UInt8](repeating: 9, count: 251)
        byBytes.remember(9, for: tooLarge)
        #expect(byBytes[tooLarge] == nil, "a part past the bound alone is not kept")
        #expect(byBytes[large[2]] == 2, "and does not push the others out")
    }
}
