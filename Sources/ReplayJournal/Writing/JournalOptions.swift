/// What to do with a journal file that already holds a run (`--existing-journal`).
///
/// An empty file, or one that does not exist, is a new journal whatever the choice. A file
/// that is not a tts-replay journal is never touched.
public enum ExistingJournal: String, Sendable, Hashable, CaseIterable {
    /// Fail to start, saying what the file holds and the other two choices.
    case refuse
    /// Add this run after the last entry: arrival numbers (and request ids) go on, the
    /// `run` table gains a row. Only a journal of the same scenario can be continued.
    case `continue`
    /// Delete the file and start it afresh.
    case replace
}

/// When an answer is sent relative to its journal entry's commit (`--journal-durability`).
public enum JournalDurability: String, Sendable, Hashable, CaseIterable {
    /// The answer is sent once its entry is committed to the file's write-ahead log, many
    /// answers sharing one transaction: a killed process (kill -9, a crash) loses no answered
    /// request. A power loss can still lose the last transactions, which are not fsynced.
    case commitBeforeAnswer = "commit-before-answer"
    /// The answer is sent once its entry is queued: a killed process loses at most the
    /// queued entries, never more than ``JournalQueueLimit/entries``.
    case answerBeforeCommit = "answer-before-commit"
}

/// The most the journal's writer holds in memory. When either bound is reached, an answer
/// waits (suspended, no thread blocked) until the writer has made room. An entry larger than
/// `bytes` on its own is queued when the queue is empty.
///
/// A large answer shared by many entries (a recorded answer, an encoded category tree)
/// counts once, as the server holds it once; the bytes counted are each entry's own.
public struct JournalQueueLimit: Sendable, Hashable {
    /// Entries waiting to be written, at most. Default 4,096.
    public var entries: Int
    /// Bytes of those entries, at most. Default 32 MiB.
    public var bytes: Int

    /// Creates a limit; both must be positive.
    public init(entries: Int = 4096, bytes: Int = 32 * 1024 * 1024) {
        precondition(entries > 0 && bytes > 0, "a journal queue limit must be positive")
        self.entries = entries
        self.bytes = bytes
    }
}
