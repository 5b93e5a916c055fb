import Foundation

/// JSON text for the journal's structured columns: sorted keys, so equal values are equal text.
enum JournalJSON {
    /// A string map, written by hand: it is written for every request, and JSONEncoder is slow.
    static func encode(_ map: [String: String]) -> String {
        var text = "{"
        for (index, key) in map.keys.sorted().enumerated() {
            if index > 0 { text += "," }
            JSONString.append(key, to: &text)
            text += ":"
            JSONString.append(map[key]!, to: &text)
        }
        return text + "}"
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
