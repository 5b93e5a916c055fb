/// A query string split into decoded name/value pairs, in the order they were sent.
package struct QueryString: Sendable {
    /// Why a query string could not be decoded.
    package enum Problem: Error {
        /// A percent escape is broken or does not decode to UTF-8; the raw name of the parameter.
        case malformed(parameter: String)
        /// There are more parameters than the limit.
        case tooManyParameters(limit: Int)
    }

    /// The decoded pairs, in order; names may repeat.
    package var pairs: [(name: String, value: String)]

    /// Decodes `a=1&b=x%20y+z` (a `+` is a space, as in every form-encoded query).
    ///
    /// - Parameter maximumPairs: The most parameters decoded; decoding stops at the one after.
    /// - Throws: `Problem` when a percent escape is broken or does not decode to UTF-8, or when
    ///   there are more than `maximumPairs` parameters.
    package init(raw: Substring, maximumPairs: Int = .max) throws(Problem) {
        var raw = raw
        let parsed = raw.withUTF8 { bytes in
            Result { () throws(Problem) in try Self.pairs(of: bytes, maximumPairs: maximumPairs) }
        }
        self.pairs = try parsed.get()
    }

    /// Decodes as much of a query as can be read, never failing: a broken escape is kept as
    /// sent, and the parameters past `maximumPairs` are left out. For checks that must still
    /// run on a query refused as malformed (its credentials, for the contract).
    package init(readingAsFarAsPossible raw: Substring, maximumPairs: Int) {
        var raw = raw
        self.pairs = raw.withUTF8 { bytes in
            (try? Self.pairs(of: bytes, maximumPairs: maximumPairs, keepingBrokenEscapes: true)) ?? []
        }
    }

    /// The pairs of a query's UTF-8 bytes, cut by ``FormParts``.
    private static func pairs(
        of bytes: UnsafeBufferPointer<UInt8>,
        maximumPairs: Int,
        keepingBrokenEscapes: Bool = false
    ) throws(Problem) -> [(name: String, value: String)] {
        // Typed with the labels of `self.pairs`: an array of unlabeled tuples assigned to it
        // would be converted element by element, through a dynamic cast.
        var pairs: [(name: String, value: String)] = []
        pairs.reserveCapacity(min(maximumPairs, FormParts.partsToReserve(in: bytes)))
        var parts = FormParts(bytes)
        while let (range, equals) = parts.next() {
            if pairs.count == maximumPairs {
                if keepingBrokenEscapes { break }
                throw .tooManyParameters(limit: maximumPairs)
            }
            let rawName = UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<(equals ?? range.upperBound)])
            let rawValue = UnsafeBufferPointer(rebasing: bytes[(equals.map { $0 + 1 } ?? range.upperBound)..<range.upperBound])
            if keepingBrokenEscapes {
                pairs.append(
                    (
                        percentDecoded(rawName) ?? String(decoding: rawName, as: UTF8.self),
                        percentDecoded(rawValue) ?? String(decoding: rawValue, as: UTF8.self)
                    )
                )
                continue
            }
            guard let name = percentDecoded(rawName), let value = percentDecoded(rawValue) else {
                throw .malformed(parameter: String(String(decoding: rawName, as: UTF8.self).prefix(64)))
            }
            pairs.append((name, value))
        }
        return pairs
    }

    package init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// The first value of a parameter.
    package subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// Whether a parameter was sent at all, even empty.
    package func contains(_ name: String) -> Bool {
        pairs.contains { $0.name == name }
    }

    /// Percent-decodes UTF-8 bytes, with `+` as a space; nil for a broken escape or invalid
    /// UTF-8. The journal's reading of forms decodes with it too.
    package static func percentDecoded(_ text: UnsafeBufferPointer<UInt8>) -> String? {
        guard text.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else {
            return validUTF8(text)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue) else { return nil }
                bytes.append(high << 4 | low)
            } else if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return bytes.withUnsafeBufferPointer(validUTF8)
    }

    /// The text of UTF-8 bytes, nil when they are not UTF-8. ASCII, what a query almost always
    /// is, is taken as it is: the validating initializer is generic, and looks its metadata up
    /// at each call.
    private static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        bytes.allSatisfy({ $0 < 0x80 }) ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
