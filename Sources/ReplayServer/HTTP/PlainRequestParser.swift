import HTTPTypes

/// Reads a plain API request straight from a connection's bytes, for
/// ``PlainRequestReader``: a request whose every byte NIO's HTTP/1 decoder would read the same
/// way, with nothing for the connection to decide. Anything else is left to the decoder, so
/// that what it answers (refusals, framing, limits, persistence) stays its own.
///
/// Plain means:
/// - `GET`, `POST`, `PUT`, `PATCH` or `DELETE`, a target in origin form (`/…`, visible ASCII),
///   `HTTP/1.1`, lines ended by CRLF;
/// - header names of token characters, a colon right after; values of visible ASCII with
///   single spaces or tabs inside, after optional spaces or tabs, with none trailing;
/// - one `Host`; at most one `Content-Length`, of digits, no larger than the body limit;
///   no `Transfer-Encoding`, `Upgrade` or `Expect`; a `Connection` of `keep-alive` only;
/// - the whole request, head and body, in the bytes at hand;
/// - a head of at most ``maxHeadBytes`` and ``maxFields`` fields, a path outside the admin API.
///
/// The cost is one pass over the head, and one string per name and value.
enum PlainRequestParser {
    /// What the bytes at hand hold.
    enum Outcome {
        /// A plain request read whole: its head, where its body lies, and how many bytes it took.
        case request(APIRequestHead, body: Range<Int>, length: Int)
        /// The first bytes of what may be a plain request: its head has not ended yet.
        case incomplete
        /// Not a plain request, or not whole: the decoder reads it.
        case notPlain
    }

    /// The largest head read here.
    static let maxHeadBytes = 16 << 10
    /// The most header fields read here.
    static let maxFields = 100

    /// The methods read here, each with the space after it.
    private static let methods: [(bytes: [UInt8], method: HTTPRequest.Method)] = [
        (Array("GET ".utf8), .get), (Array("POST ".utf8), .post), (Array("PUT ".utf8), .put),
        (Array("PATCH ".utf8), .patch), (Array("DELETE ".utf8), .delete),
    ]
    /// Whether each byte is a token character (RFC 9110, 5.6.2).
    private static let tokenBytes: [Bool] = (0...255).map { byte in
        let byte = UInt8(byte)
        return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
    private static let version = Array(" HTTP/1.1\r\n".utf8)
    private static let adminPrefix = Array(AdminResponder.prefix.utf8)

    /// Reads the request at the start of `bytes`.
    static func parse(_ bytes: UnsafeRawBufferPointer, maxBodyBytes: Int) -> Outcome {
        var reader = ByteReader(bytes: bytes)
        guard let method = reader.method(), let target = reader.target(), reader.skip(version) else {
            return reader.ranOut && bytes.count < maxHeadBytes ? .incomplete : .notPlain
        }
        var fields = HTTPFields()
        var hosts = 0
        var contentLength: Int?
        while !reader.skip(crlf) {
            guard fields.count + hosts < maxFields, let (name, value) = reader.field() else {
                return reader.ranOut && bytes.count < maxHeadBytes ? .incomplete : .notPlain
            }
            switch FieldKind(name) {
            case .host:
                // Not one of the request's fields in HTTP types; more than one is the gate's to refuse.
                hosts += 1
                continue
            case .contentLength:
                guard contentLength == nil, let length = ByteReader.decimal(value), length <= maxBodyBytes else { return .notPlain }
                contentLength = length
            case .connection:
                guard ByteReader.equalsIgnoringCase(value, "keep-alive") else { return .notPlain }
            case .refused:
                return .notPlain
            case .other:
                break
            }
            fields.append(HTTPField(name: HTTPField.Name(ByteReader.string(name))!, value: ByteReader.string(value)))
        }
        let headLength = reader.offset
        guard hosts == 1, headLength <= maxHeadBytes, !target.starts(with: adminPrefix) else { return .notPlain }
        let bodyLength = contentLength ?? 0
        guard bytes.count - headLength >= bodyLength else { return .notPlain }
        let head = APIRequestHead(method: method, headerFields: fields, target: RequestTarget(ByteReader.string(target)))
        return .request(head, body: headLength..<headLength + bodyLength, length: headLength + bodyLength)
    }

    private static let crlf: [UInt8] = [13, 10]

    /// The fields the parser looks at, by name in any case.
    private enum FieldKind {
        case host, contentLength, connection, refused, other

        init(_ name: UnsafeRawBufferPointer.SubSequence) {
            switch name.count {
            case 4 where ByteReader.equalsIgnoringCase(name, "host"): self = .host
            case 6 where ByteReader.equalsIgnoringCase(name, "expect"): self = .refused
            case 7 where ByteReader.equalsIgnoringCase(name, "upgrade"): self = .refused
            case 10 where ByteReader.equalsIgnoringCase(name, "connection"): self = .connection
            case 14 where ByteReader.equalsIgnoringCase(name, "content-length"): self = .contentLength
            case 17 where ByteReader.equalsIgnoringCase(name, "transfer-encoding"): self = .refused
            default: self = .other
            }
        }
    }

    /// A cursor over the bytes; `ranOut` tells whether a read failed only because they ended.
    private struct ByteReader {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        var ranOut = false

        mutating func method() -> HTTPRequest.Method? {
            for (name, method) in methods where skip(name) { return method }
            return nil
        }

        /// The target: `/` then visible ASCII, up to the space before the version.
        mutating func target() -> UnsafeRawBufferPointer.SubSequence? {
            let start = offset
            guard peek() == UInt8(ascii: "/") else { return nil }
            while let byte = peek(), byte != 0x20 {
                guard (0x21...0x7E).contains(byte) else { return nil }
                offset += 1
            }
            return ranOut ? nil : bytes[start..<offset]
        }

        /// One field line: its name and its value, without the spaces around it.
        mutating func field() -> (name: UnsafeRawBufferPointer.SubSequence, value: UnsafeRawBufferPointer.SubSequence)? {
            let nameStart = offset
            while let byte = peek(), byte != UInt8(ascii: ":") {
                guard tokenBytes[Int(byte)] else { return nil }
                offset += 1
            }
            guard !ranOut, offset > nameStart else { return nil }
            let name = bytes[nameStart..<offset]
            offset += 1
            var spaced = false
            while let byte = peek(), byte == 0x20 || byte == 0x09 {
                spaced = true
                offset += 1
            }
            let valueStart = offset
            while let byte = peek(), byte != 13 {
                guard (0x20...0x7E).contains(byte) || byte == 0x09 else { return nil }
                offset += 1
            }
            let value = bytes[valueStart..<offset]
            guard !ranOut, skip(crlf) else { return nil }
            // Spaces trailing, or a value of spaces alone: how the decoder trims them is its own.
            if let last = value.last, last == 0x20 || last == 0x09 { return nil }
            if spaced, value.isEmpty { return nil }
            return (name, value)
        }

        /// Moves past `expected` if the bytes go on with it.
        mutating func skip(_ expected: [UInt8]) -> Bool {
            for (index, byte) in expected.enumerated() {
                guard offset + index < bytes.count else {
                    ranOut = true
                    return false
                }
                if bytes[offset + index] != byte { return false }
            }
            offset += expected.count
            return true
        }

        mutating func peek() -> UInt8? {
            guard offset < bytes.count else {
                ranOut = true
                return nil
            }
            return bytes[offset]
        }

        static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer.SubSequence, _ lowercase: StaticString) -> Bool {
            guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
            return zip(bytes, UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)).allSatisfy {
                $0 | 0x20 == $1
            }
        }

        /// Decimal digits, at most 15 of them.
        static func decimal(_ bytes: UnsafeRawBufferPointer.SubSequence) -> Int? {
            guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
            var value = 0
            for byte in bytes {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }

        static func string(_ bytes: UnsafeRawBufferPointer.SubSequence) -> String {
            String(decoding: UnsafeRawBufferPointer(rebasing: bytes), as: UTF8.self)
        }
    }
}
