import Dispatch
import Synchronization

extension CassetteEventDecoder {
    /// A large cassette of the plain layout read on several cores: the head (the file without its
    /// items, see ``CassetteOutline/head``) and the items cut into `parts` runs of consecutive
    /// items, each run parsed as a document of its own, in place in the text. Nil when the layout
    /// is not the plain one or any part is not covered; the caller then reads the file in one pass.
    ///
    /// The runs give the cassette of the whole file: the outline cuts between items as the parser
    /// reads them when every part parses and yields the outline's count of items, the head's one
    /// `interactions` key is where the outline found it, and no part holds an alias that could
    /// name an anchor of another part (the pass refuses aliases).
    static func cassette(from text: String, sourcePath: String?, inParts parts: Int) -> Cassette? {
        guard let outline = CassetteOutline(text) else { return nil }
        var head = outline.head
        let file = head.withUTF8 { bytes in try? CassetteEventDecoder(bytes: bytes).file(sourcePath: sourcePath) }
        guard let file, file.cassette.interactions.isEmpty, file.interactionsKey == (outline.interactionsLine, 1) else { return nil }
        func offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }
        let itemBytes = outline.items.reduce(0) { $0 + offset($1.range.upperBound) - offset($1.range.lowerBound) }
        let runs = outline.parts(bytes: itemBytes / parts + 1).map { run in
            (bytes: offset(run.range.lowerBound)..<offset(run.range.upperBound), lineOffset: run.lineOffset, items: run.items)
        }
        let read = Mutex<[[Cassette.Interaction]?]>(Array(repeating: nil, count: runs.count))
        var text = text
        text.withUTF8 { bytes in
            // Read only, and valid until `concurrentPerform` returns, which is after every part is read.
            nonisolated(unsafe) let bytes = bytes
            DispatchQueue.concurrentPerform(iterations: runs.count) { index in
                let run = runs[index]
                let decoder = CassetteEventDecoder(bytes: UnsafeBufferPointer(rebasing: bytes[run.bytes]), lineOffset: run.lineOffset)
                guard let interactions = try? decoder.items(), interactions.count == run.items else { return }
                read.withLock { $0[index] = interactions }
            }
        }
        let runsRead = read.withLock { $0 }
        guard runsRead.allSatisfy({ $0 != nil }) else { return nil }
        var cassette = file.cassette
        cassette.interactions.reserveCapacity(outline.items.count)
        for run in runsRead { cassette.interactions += run ?? [] }
        return cassette
    }
}
