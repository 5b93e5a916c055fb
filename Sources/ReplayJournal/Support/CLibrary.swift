import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the journal calls in the C library that Swift's Glibc module leaves out (GNU
/// extensions there): looked up once at run time on Linux.
enum CLibrary {
    typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

    #if canImport(Glibc)
    /// `memmem`: where bytes first occur in other bytes.
    static let memmem: MemMem = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem") else {
            fatalError("the C library has no memmem")
        }
        return unsafeBitCast(symbol, to: MemMem.self)
    }()

    private typealias SetThreadName = @convention(c) (pthread_t, UnsafePointer<CChar>?) -> CInt

    private static let setThreadName: SetThreadName? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np").map {
        unsafeBitCast($0, to: SetThreadName.self)
    }
    #else
    /// `memmem`: where bytes first occur in other bytes.
    static let memmem: MemMem = { Darwin.memmem($0, $1, $2, $3) }
    #endif

    /// Names the calling thread, as `top -H`, `perf` and `/proc` show it (Linux keeps the first
    /// 15 bytes). Foundation's `Thread.name` does not reach the system on Linux.
    static func nameThisThread(_ name: String) {
        #if canImport(Glibc)
        _ = setThreadName?(pthread_self(), name)
        #else
        _ = pthread_setname_np(name)
        #endif
    }
}
