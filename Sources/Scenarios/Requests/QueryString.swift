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
        // Typed with the labels of `self.pairs`: an array of unlabeled tuples assigned to it
        // would be converted element by element, through a dynamic cast.
        var pairs: [(name: String, value: String)] = []
        // Cut at the bytes of `&` and `=` (both ASCII, so no Character needs forming), in one
        // pass with no array of the parts; empty parts are skipped.
        let utf8 = raw.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let stop = utf8[start...].firstIndex(of: UInt8(ascii: "&")) ?? utf8.endIndex
            defer { start = stop == utf8.endIndex ? stop : utf8.index(after: stop) }
            guard stop > start else { continue }
            if pairs.count == maximumPairs { throw .tooManyParameters(limit: maximumPairs) }
            let part = utf8[start..<stop]
            let equals = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = Substring(equals.map { part[..<$0] } ?? part)
            let rawValue = Substring(equals.map { part[part.index(after: $0)...] } ?? part[part.endIndex...])
            guard let name = Self.percentDecoded(rawName), let value = Self.percentDecoded(rawValue) else {
                throw .malformed(parameter: String(rawName.prefix(64)))
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
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

    /// Percent-decodes, with `+` as a space; nil for a broken escape or invalid UTF-8.
    package static func percentDecoded(_ text: Substring) -> String? {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
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
        return String(validating: bytes, as: UTF8.self)
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
