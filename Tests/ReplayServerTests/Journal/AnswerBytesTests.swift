import NIOCore
import Testing

@testable import ReplayJournal

/// An answer is sent as the buffers its parts already are: a shared part that keeps a buffer
/// (a category tree, a kept Search Products page) is never copied into the answer.
@Suite("Answer bytes sent")
struct AnswerBytesTests {
    @Test func aSharedPartWithItsBufferIsSentFromThatBuffer() {
        let shared = Array(#"{"categories":[1,2,3]}"#.utf8)
        let buffer = ByteBuffer(bytes: shared)
        let answer = AnswerBytes(head: Array(#"{"data":"#.utf8), shared: shared, tail: Array("}".utf8), sharedBuffer: buffer)

        let sent = answer.byteBuffers()
        #expect(sent.count == 3)
        #expect(sent.flatMap { Array($0.readableBytesView) } == answer.joined(), "the parts in order make the whole answer")
        let storage = { (buffer: ByteBuffer) in buffer.withUnsafeReadableBytes(\.baseAddress) }
        #expect(storage(sent[1]) == storage(buffer), "the shared part is its own buffer, not a copy")
    }

    @Test func emptyPartsAroundItAreLeftOut() {
        let shared = Array("tree".utf8)
        let answer = AnswerBytes(head: [], shared: shared, tail: [], sharedBuffer: ByteBuffer(bytes: shared))
        #expect(answer.byteBuffers().map { Array($0.readableBytesView) } == [shared])
    }

    @Test func withoutABufferTheAnswerIsOneBuffer() {
        let answer = AnswerBytes(head: Array("a".utf8), shared: Array("b".utf8), tail: Array("c".utf8))
        let sent = answer.byteBuffers()
        #expect(sent.count == 1)
        #expect(Array(sent[0].readableBytesView) == Array("abc".utf8))
    }
}
