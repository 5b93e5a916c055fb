extension String {
    /// The same text in a buffer of its own, exactly its size (small strings stay inline).
    ///
    /// The cassette index keeps what it needs of a loaded cassette this way, so the cassette's
    /// model can be freed as one block once indexed, instead of leaving holes between the parts
    /// the index would still point into (memory the process could not give back).
    func detached() -> String {
        let count = utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(fromContentsOf: utf8)
            return count
        }
    }
}
