/// The parts of a raw query or a form-urlencoded text (`a=1&b=2`), cut at the byte `&`, each
/// with where its first `=` stands: one pass over the UTF-8 bytes, by integer offsets, with
/// no `String.Index` walking. Empty parts are skipped. ``QueryString`` and the journal's
/// reading of forms both cut their text this way and percent-decode with
/// ``QueryString/percentDecoded(_:)``; they differ in what they make of the rest (a query
/// refuses a broken escape, the journal keeps it as written; `=x` is an empty name to one and
/// a name to the other).
package struct FormParts: IteratorProtocol {
    /// One part: its bytes, `name=value` or `name`, and the offset of its first `=`, if any.
    package typealias Part = (range: Range<Int>, equals: Int?)

    private let bytes: UnsafeBufferPointer<UInt8>
    private var start = 0

    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    package mutating func next() -> Part? {
        while start < bytes.count {
            var stop = start
            var equals: Int?
            while stop < bytes.count, bytes[stop] != UInt8(ascii: "&") {
                if equals == nil, bytes[stop] == UInt8(ascii: "=") { equals = stop }
                stop += 1
            }
            defer { start = stop + 1 }
            if stop > start { return (start..<stop, equals) }
        }
        return nil
    }

    /// How many parts to reserve room for before reading them: one more than the bytes' `&`s,
    /// at most 64, so that a text of a million `&` (empty parts, skipped) reserves no more than
    /// a usual form, and a longer one grows as it is read.
    package static func partsToReserve(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        min(bytes.reduce(1) { $1 == UInt8(ascii: "&") ? $0 + 1 : $0 }, 64)
    }
}
