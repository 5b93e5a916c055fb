/// What the journal knows of hot shared answer parts (a category tree, a recorded answer, a kept
/// Search Products page), by the identity of their storage: one lookup without reading the bytes.
///
/// Each entry keeps its bytes alive, so that their address cannot be reused by other bytes while
/// it is here. Bounded by entries and by the bytes it keeps alive (counted whole, though most
/// are also held by whoever shares them); past either bound it forgets everything at once.
struct SharedPartMemory<Value: Sendable>: Sendable {
    private struct Identity: Hashable {
        var address: UInt
        var count: Int

        init(of bytes: [UInt8]) {
            (address, count) = bytes.withUnsafeBufferPointer { (UInt(bitPattern: $0.baseAddress), $0.count) }
        }
    }

    private var entries: [Identity: (bytes: [UInt8], value: Value)] = [:]
    private var bytesKept = 0
    let maxEntries: Int
    let maxBytes: Int

    init(maxEntries: Int, maxBytes: Int) {
        self.maxEntries = maxEntries
        self.maxBytes = maxBytes
    }

    /// What is known of these bytes (the same storage), if anything.
    subscript(bytes: [UInt8]) -> Value? {
        entries[Identity(of: bytes)]?.value
    }

    /// Remembers a value for these bytes; a part larger than the byte bound alone is not kept.
    mutating func remember(_ value: Value, for bytes: [UInt8]) {
        let identity = Identity(of: bytes)
        if let known = entries[identity] {
            entries[identity] = (known.bytes, value)
            return
        }
        guard bytes.count <= maxBytes else { return }
        if entries.count >= maxEntries || bytesKept + bytes.count > maxBytes {
            entries.removeAll()
            bytesKept = 0
        }
        entries[identity] = (bytes, value)
        bytesKept += bytes.count
    }
}
