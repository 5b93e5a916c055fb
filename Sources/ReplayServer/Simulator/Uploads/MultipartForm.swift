import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its named parts, as Upload Product Image
/// and Upload Product File take it.
///
/// One pass over the bytes: the boundary (at most 70 bytes, RFC 2046) is searched from each
/// part's start, so the cost is linear in the body. Part headers are read up to 8 KiB each.
struct MultipartForm: Sendable {
    /// One part: a form field or a file.
    struct Part: Sendable {
        /// The `name` of its `Content-Disposition`.
        var name: String
        /// The `filename`, for a file.
        var filename: String?
        /// Its own `Content-Type`, if it gives one.
        var contentType: String?
        /// Its bytes.
        var body: ArraySlice<UInt8>

        /// The part as text, for a plain field.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// The parts in the order they came.
    var parts: [Part]

    /// The first part with this name.
    subscript(name: String) -> Part? {
        parts.first { $0.name == name }
    }

    private static let maximumHeaderBytes = 8 * 1024

    /// Splits a body sent with this `Content-Type`.
    ///
    /// - Throws: ``APIError/multipartRequired`` when the request is not multipart or has no
    ///   boundary, ``APIError/invalidParameter`` when the body does not follow it.
    init(body: [UInt8], contentType: String?) throws(APIError) {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data"),
            let boundary = Self.boundary(of: contentType)
        else {
            throw APIError.multipartRequired
        }
        let delimiter = Array("--\(boundary)".utf8)
        guard var position = Self.find(delimiter, in: body, from: 0) else {
            throw APIError.invalidParameter("body", reason: "no part is delimited by the boundary", expected: "a multipart/form-data body")
        }
        var parts: [Part] = []
        while true {
            position += delimiter.count
            if body[position...].starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")]) { break }
            position = Self.skipLineEnd(body, position)
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: position),
                headerEnd - position <= Self.maximumHeaderBytes
            else {
                throw APIError.invalidParameter("body", reason: "a part has no end to its headers", expected: "a multipart/form-data body")
            }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let start = headerEnd + 4
            guard let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: start) else {
                throw APIError.invalidParameter("body", reason: "it does not end with its closing boundary", expected: "a multipart/form-data body")
            }
            parts.append(try Self.part(headers: headers, body: body[start..<next]))
            position = next + 2
        }
        self.parts = parts
    }

    private static func part(headers: String, body: ArraySlice<UInt8>) throws(APIError) -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in headers.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if field == "content-disposition" {
                name = parameter("name", in: value)
                filename = parameter("filename", in: value)
            } else if field == "content-type" {
                contentType = value
            }
        }
        guard let name else {
            throw APIError.invalidParameter("body", reason: "a part has no Content-Disposition name", expected: "a multipart/form-data body")
        }
        return Part(name: name, filename: filename, contentType: contentType, body: body)
    }

    /// The `boundary` parameter of a multipart content type, quoted or not.
    static func boundary(of contentType: String) -> String? {
        guard let value = parameter("boundary", in: contentType), (1...70).contains(value.utf8.count) else { return nil }
        return value
    }

    /// A `key=value` or `key="value"` parameter of a header value.
    private static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    private static func skipLineEnd(_ body: [UInt8], _ position: Int) -> Int {
        var position = position
        while position < body.count, body[position] == UInt8(ascii: " ") || body[position] == UInt8(ascii: "\t") { position += 1 }
        if body[position...].starts(with: [13, 10]) { return position + 2 }
        return position
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
