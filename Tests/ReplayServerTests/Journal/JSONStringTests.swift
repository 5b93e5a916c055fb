import Foundation
import ReplayJournal
import Testing

/// The journal writes its header columns' JSON by hand: it must read back as what was written.
@Suite("JSON string literals written by hand")
struct JSONStringTests {
    static let strings = [
        "", "plain", #"a "quoted" word"#, #"back\slash"#, "line\nbreak\r\ttab", "bell\u{07}and\u{1F}unit", "\u{7F}del", "é and 日本 and 🛍️",
        #"\"#, "\"", "ends with a newline\n",
    ]

    @Test(arguments: strings)
    func aStringReadsBackAsItWas(_ string: String) throws {
        var bytes: [UInt8] = []
        JSONString.append(string, to: &bytes)
        #expect(try JSONDecoder().decode(String.self, from: Data(bytes)) == string)
        var text = ""
        JSONString.append(string, to: &text)
        #expect(Array(text.utf8) == bytes, "the text and the bytes are the same JSON")
        #expect(!bytes.dropFirst().dropLast().contains { $0 < 0x20 }, "no control character stays raw")
    }
}
