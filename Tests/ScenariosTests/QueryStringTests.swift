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

    @Test func aQueryCutFromATargetIsReadWithinItsBounds() throws {
        let target = "/product/202309/categories?é=1&b=%20x+y&c#fragment=no&d=no"
        let start = target.index(after: target.firstIndex(of: "?")!)
        let end = target.firstIndex(of: "#")!
        let query = try QueryString(raw: target[start..<end]).pairs.map { "\($0.name)=\($0.value)" }
        #expect(query == ["é=1", "b= x y", "c="])
    }
}
