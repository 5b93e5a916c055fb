import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The advisory lock (`flock`) a writing server holds on its journal file for its whole run.
///
/// A second server refuses to replace or continue a file whose lock is held, and the holder
/// can tell whether the file at its path is still the one it writes (not deleted, not
/// replaced): entries written to a file no path names are in no journal. `flock` locks are
/// apart from SQLite's own (`fcntl`) locks; the descriptor stays open until the journal's
/// connections are closed, so that closing it releases none of SQLite's.
final class JournalFileLock: Sendable {
    private let descriptor: Int32
    private let device: UInt64
    private let inode: UInt64
    private let released = Atomic(false)

    /// Whether ``release()`` was called.
    var isReleased: Bool { released.load(ordering: .acquiring) }

    private init(descriptor: Int32, device: UInt64, inode: UInt64) {
        self.descriptor = descriptor
        self.device = device
        self.inode = inode
    }

    /// Takes the file's lock, or says who holds it.
    static func acquire(path: String) throws(JournalError) -> JournalFileLock {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .cannotOpen(path: path, reason: "cannot open it to lock it: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .cannotOpen(path: path, reason: busy ? inUse : "cannot lock it: \(reason)")
        }
        var info = stat()
        fstat(descriptor, &info)
        return JournalFileLock(descriptor: descriptor, device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    }

    /// Throws when another server holds the lock of an existing file; takes nothing.
    static func checkFree(path: String) throws(JournalError) {
        let lock = try acquire(path: path)
        lock.release()
    }

    static let inUse = "another tts-replay server is writing it (it holds the file's lock); stop that server first, or choose another file"

    /// Whether the path still names the locked file.
    func isStillAt(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode
    }

    /// Releases the lock (closing the descriptor); once.
    func release() {
        guard !released.exchange(true, ordering: .acquiringAndReleasing) else { return }
        close(descriptor)
    }
}
