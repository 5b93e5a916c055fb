/// Lowercase hex encoding and a comparison that does not leak where two signatures differ.
package enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    package static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        if let text = bytes.withContiguousStorageIfAvailable({ lowercase(UnsafeRawBufferPointer($0)) }) { return text }
        return lowercase(Array(bytes))
    }

    package static func lowercase(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: 2 * bytes.count) { text in
            for (index, byte) in bytes.enumerated() {
                text[2 * index] = digits[Int(byte >> 4)]
                text[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return 2 * bytes.count
        }
    }

    /// Compares a signature a client sent (hex, either case) with the expected bytes, in time
    /// that depends on the length only, without writing the expected ones out as text.
    package static func constantTimeEquals(_ given: String, hexOf expected: UnsafeRawBufferPointer) -> Bool {
        var given = given
        return given.withUTF8 { text in
            guard text.count == 2 * expected.count else { return false }
            var difference: UInt8 = 0
            // ASCII upper-case letters read as lower-case, as a client may send them.
            func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }
            for (index, byte) in expected.enumerated() {
                difference |= lowered(text[2 * index]) ^ digits[Int(byte >> 4)]
                difference |= lowered(text[2 * index + 1]) ^ digits[Int(byte & 0x0F)]
            }
            return difference == 0
        }
    }
}
