/// Bytes by the identity of their storage, for the caches of hot shared answer parts: one
/// lookup without reading the bytes. A cache must keep the bytes alive while it keeps their
/// identity, so that their address cannot be reused by other bytes meanwhile.
struct StorageIdentity: Hashable {
    private var address: UInt
    private var count: Int

    init(of bytes: [UInt8]) {
        (address, count) = bytes.withUnsafeBufferPointer { (UInt(bitPattern: $0.baseAddress), $0.count) }
    }
}
