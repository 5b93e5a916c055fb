import Scenarios
import Testing

@testable import ReplayServer

/// The index a server builds from its cassettes: answers are encoded in parts on every core,
/// and each interaction must still get its own.
@Suite("Cassette index")
struct CassetteIndexTests {
    /// Enough interactions, over two cassettes, for the answers to be encoded in several parts.
    @Test func everyInteractionKeepsItsOwnAnswerWhenAnswersAreEncodedInParts() throws {
        func cassette(_ name: String, from start: Int, count: Int) -> Cassette {
            Cassette(
                interactions: (start..<start + count).map { number in
                    Cassette.Interaction(
                        request: .init(method: "GET", path: "/product/202309/products/\(number)"),
                        response: .init(body: .json(.object(["code": .number(0), "data": .object(["id": .string("\(number)")])])))
                    )
                },
                sourcePath: "/tmp/\(name).yaml"
            )
        }
        let player = CassettePlayer(cassettes: [cassette("first", from: 0, count: 7_000), cassette("second", from: 7_000, count: 3_001)])
        for number in [0, 1, 2_047, 2_048, 4_095, 5_000, 6_999, 7_000, 7_001, 9_999, 10_000] {
            guard case .answer(let answer) = player.lookup(method: "GET", path: "/product/202309/products/\(number)", query: [], body: .none) else {
                Issue.record("no answer for \(number)")
                continue
            }
            #expect(String(decoding: answer.body, as: UTF8.self) == #"{"code":0,"data":{"id":"\#(number)"}}"#)
            #expect(answer.cassette == (number < 7_000 ? "first.yaml" : "second.yaml"))
            #expect(answer.number == (number < 7_000 ? number + 1 : number - 6_999))
        }
    }
}
