import Testing

@testable import Scenarios

/// A raw query becomes its decoded pairs in order: what the gateway checks and the signer signs.
@Suite("Query strings")
struct QueryStringTests {
    private func pairs(_ raw: String, maximumPairs: Int = .max) throws(QueryString.Problem) -> [String] {
        try QueryString(raw: Substring(raw), maximumPairs: maximumPairs).pairs.map { "\($0.name)=\($0.value)" }
    }

    @Test func pairsComeDecodedInOrder() throws {
        #expect(try pairs("") == [])
        #expect(try pairs("a=1&b=2&a=3") == ["a=1", "b=2", "a=3"])
        #expect(try pairs("&&a=1&&b=2&") == ["a=1", "b=2"], "empty parts are skipped")
        #expect(try pairs("flag&empty=&=nameless&x=1=2") == ["flag=", "empty=", "=nameless", "x=1=2"])
        #expect(try pairs("q=a%20b+c&%C3%A9=%2F") == ["q=a b c", "é=/"])
        #expect(try pairs("é=ü") == ["é=ü"])
    }

    @Test func brokenEscapesAndTooManyPairsAreRefused() {
        #expect(throws: QueryString.Problem.self) { try pairs("a=%2") }
        #expect(throws: QueryString.Problem.self) { try pairs("a=%zz") }
        #expect(throws: QueryString.Problem.self) { try pairs("a=%FF") }
        #expect(throws: QueryString.Problem.self) { try pairs("a=1&b=2&c=3", maximumPairs: 2) }
        #expect((try? pairs("a=1&&b=2&", maximumPairs: 2)) == ["a=1", "b=2"], "empty parts do not count")
    }

    /// Bytes without an escape are taken as they are when they are UTF-8 (ASCII or not), and
    /// refused when they are not: the journal's form reader hands over bytes no `String` checked.
    @Test func unescapedBytesAreCheckedAsUTF8() {
        func decoded(_ bytes: [UInt8]) -> String? {
            bytes.withUnsafeBufferPointer { QueryString.percentDecoded($0) }
        }
        #expect(decoded(Array("app_key=29a39d".utf8)) == "app_key=29a39d")
        #expect(decoded([]) == "")
        #expect(decoded([0xC3, 0xA9, 0x31]) == "é1")
        #expect(decoded([0x61, 0xFF]) == nil)
        #expect(decoded([0x61, 0xC3]) == nil, "a cut sequence")
        #expect(decoded([0xED, 0xA0, 0x80]) == nil, "a surrogate")
        #expect(decoded([0x61, 0xFF, 0x2B]) == nil, "refused after decoding too")
    }

    @Test func aQueryCutFromATargetIsReadWithinItsBounds() throws {
        let target = "/product/202309/categories?é=1&b=%20x+y&c#fragment=no&d=no"
        let start = target.index(after: target.firstIndex(of: "?")!)
        let end = target.firstIndex(of: "#")!
        let query = try QueryString(raw: target[start..<end]).pairs.map { "\($0.name)=\($0.value)" }
        #expect(query == ["é=1", "b= x y", "c="])
    }
}
