import Foundation

/// Runs blocking or long CPU-bound work (reading a pipe, waiting for a process, parsing a large
/// file) on a Dispatch thread, never on one of Swift concurrency's threads: there are only as
/// many as cores, and while tests hold them, every in-process server and webhook receiver of
/// the test run stalls (a 3-second webhook deadline then passes).
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
    }
}
