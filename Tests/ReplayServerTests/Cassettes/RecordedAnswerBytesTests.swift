import Scenarios
import Testing

@testable import ReplayServer

/// A recorded answer is written without Foundation's encoder, and comes out as the bytes the
/// encoder writes: a replayed body is the same whichever way it was made.
@Suite("Recorded answers written as JSONEncoder writes them")
struct RecordedAnswerBytesTests {
    /// The fast writer and the encoder's generic path, on the same value.
    private func both(_ value: JSONValue) -> (fast: String, encoder: String) {
        (
            String(decoding: JSONBytes.encode(value), as: UTF8.self),
            String(decoding: JSONBytes.encode(JSONBytes.EncodedThroughFoundation(value: value)), as: UTF8.self)
        )
    }

    @Test func stringsAreEscapedAsTheEncoderEscapesThem() {
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        for text in [controls, #"quote " and backslash \ and slash /"#, "é 😀 \u{2028} \u{7F}", "", "plain"] {
            let (fast, encoder) = both(.object([text: .string(text)]))
            #expect(fast == encoder)
        }
    }

    @Test func membersAreSortedByTheBytesOfTheirNames() {
        let names = ["b", "B", "a", "_", "aa", "ä", "1", "10", "2", "Z", "z", "a b", "a\u{0}"]
        let (fast, encoder) = both(.object(Dictionary(uniqueKeysWithValues: names.map { ($0, JSONValue.null) })))
        #expect(fast == encoder)
    }

    @Test func numbersAreWrittenAsTheEncoderWritesThem() {
        let numbers: [Double] = [
            0, -0.0, 1, -1, 42, 8_999_999_999_999_998, 9e15, -9e15, 1e16, 0.5, -2.25, 1e-7, 123_456.789, 0.1 + 0.2,
            Double.greatestFiniteMagnitude, Double.leastNonzeroMagnitude, 1_729_000_000_000_000_000,
        ]
        for number in numbers {
            let (fast, encoder) = both(.array([.number(number)]))
            #expect(fast == encoder, "\(number)")
        }
    }

    @Test func whatTheEncoderRefusesIsRefusedTheSameWay() {
        var deep = JSONValue.null
        for _ in 0..<600 { deep = .array([deep]) }
        var justUnder = JSONValue.null
        for _ in 0..<511 { justUnder = .array([justUnder]) }
        for value in [deep, justUnder, .object(["n": .number(.infinity)]), .array([.number(.nan)])] {
            let (fast, encoder) = both(value)
            #expect(fast == encoder)
        }
        #expect(both(justUnder).fast.hasPrefix("[[[["), "511 levels are written")
    }

    @Test func randomValuesComeOutTheSame() {
        var generator = SeededGenerator(seed: 17)
        let alphabet = Array("aZ_0/\"\\\n\t\u{1}é😀 -")
        func text() -> String { String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0...(depth > 3 ? 3 : 5), using: &generator) {
            case 0: return .null
            case 1: return .bool(Bool.random(using: &generator))
            case 2:
                return .number(
                    [Double(Int.random(in: -1_000_000...1_000_000, using: &generator)), Double.random(in: -1e6...1e6, using: &generator)]
                        .randomElement(using: &generator)!
                )
            case 3: return .string(text())
            case 4: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in value(depth + 1) })
            default:
                var members: [String: JSONValue] = [:]
                for _ in 0..<Int.random(in: 0...5, using: &generator) { members[text()] = value(depth + 1) }
                return .object(members)
            }
        }
        for _ in 0..<500 {
            let tree = value(0)
            let (fast, encoder) = both(tree)
            #expect(fast == encoder)
        }
    }
}
