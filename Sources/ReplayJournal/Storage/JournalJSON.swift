import Foundation

/// JSON text for the journal's structured columns: sorted keys, so equal values are equal text.
enum JournalJSON {
    /// A string map, written by hand: it is written for every request, and JSONEncoder is slow.
    static func encode(_ map: [String: String]) -> String {
        String(decoding: object(map.map { (name: $0.key, value: $0.value) }.sorted { $0.name < $1.name }), as: UTF8.self)
    }

    /// An object of strings as UTF-8 bytes of JSON text, its members in the order given.
    static func object(_ members: [(name: String, value: String)]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(members.reduce(2) { $0 + $1.name.utf8.count + $1.value.utf8.count + 6 })
        bytes.append(UInt8(ascii: "{"))
        for (index, member) in members.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONString.append(member.name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            JSONString.append(member.value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
