/// How deep a JSON text nests, measured in one pass over its bytes before it is decoded, so that
/// a body of ten thousand `[` is refused at the limit instead of costing the decoder a stack frame
/// per level.
enum JSONNesting {
    /// Whether the arrays and objects of a JSON text nest deeper than `limit`. Brackets inside
    /// strings do not count; the text need not be valid JSON (the decoder judges that).
    static func exceeds(_ limit: Int, in bytes: [UInt8]) -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > limit { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            default:
                break
            }
        }
        return false
    }
}
