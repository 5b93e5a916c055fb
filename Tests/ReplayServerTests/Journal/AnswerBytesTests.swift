import NIOCore
import Testing

@testable import ReplayJournal

/// An answer is sent as the buffers its parts already are: a shared part that keeps a buffer
/// (a category tree, a kept Search Products page) is never copied into the answer.
@Suite("Answer bytes sent")
struct AnswerBytesTests {
    private func sent(_ answer: AnswerBytes) -> [ByteBuffer] {
        var buffers: [ByteBuffer] = []
        answer.forEachBuffer { buffers.append($0) }
        return buffers
    }

    @Test func aSharedPartWithItsBufferIsSentFromThatBuffer() {
        let shared = Array(#"{"categories":[1,2,3]}"#.utf8)
        let buffer = ByteBuffer(bytes: shared)
        let answer = AnswerBytes(head: Array(#"{"data":"#.utf8), shared: shared, tail: Array("}".utf8), sharedBuffer: buffer)

        let parts = sent(answer)
        #expect(parts.count == 3)
        #expect(parts.flatMap { Array($0.readableBytesView) } == answer.joined(), "the parts in order make the whole answer")
        let storage = { (buffer: ByteBuffer) in buffer.withUnsafeReadableBytes(\.baseAddress) }
        #expect(storage(parts[1]) == storage(buffer), "the shared part is its own buffer, not a copy")
    }

    @Test func emptyPartsAroundItAreLeftOut() {
        let shared = Array("tree".utf8)
        let answer = AnswerBytes(head: [], shared: shared, tail: [], sharedBuffer: ByteBuffer(bytes: shared))
        #expect(sent(answer).map { Array($0.readableBytesView) } == [shared])
    }

    @Test func withoutABufferTheAnswerIsOneBuffer() {
        let answer = AnswerBytes(head: Array("a".utf8), shared: Array("b".utf8), tail: Array("c".utf8))
        let parts = sent(answer)
        #expect(parts.count == 1)
        #expect(Array(parts[0].readableBytesView) == Array("abc".utf8))
    }
}
