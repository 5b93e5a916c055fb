package import Foundation
import Synchronization

/// A child process started with `posix_spawn`: what `run` and `suite` start client commands
/// with, and what the tests start `tts-replay` with.
///
/// Not `Foundation.Process`: on Linux its `run()` reads `/proc/self/fd` in a way that now and
/// then reads past a buffer and crashes the parent (swift-corelibs-foundation#5472, fixed
/// after Swift 6.3.1). A harness must not crash because it started a client.
///
/// The child gets the default disposition of every signal and an empty signal mask (the server
/// ignores SIGPIPE; the client must not inherit that), and no file descriptor of the parent
/// but its standard streams.
package final class ChildProcess: Sendable {
    /// Where a standard stream of the child goes.
    package enum Stream: Sendable {
        /// The parent's own stream.
        case inherited
        /// `/dev/null`.
        case null
        /// The write end of a pipe (closed in the parent once the child has it).
        case pipe(Pipe)
        /// An open file.
        case file(FileHandle)
    }

    /// How a child ended.
    package enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)

        /// The exit status, or 128 plus the signal, as a shell reports it.
        package var status: Int32 {
            switch self {
            case .exited(let status): status
            case .signalled(let signal): 128 + signal
            }
        }
    }

    /// Thrown when the child cannot be started.
    package struct LaunchError: Error, CustomStringConvertible {
        package var executable: String
        package var code: Int32
        package var description: String { "cannot start \(executable): \(String(cString: strerror(code)))" }
    }

    /// The child's process id.
    package let processIdentifier: pid_t
    private let ended = Mutex<Termination?>(nil)

    /// Starts `executable` with `arguments` (not including the program name) and an
    /// environment (nil: the parent's).
    package init(
        executable: String,
        arguments: [String],
        environment: [String: String]? = nil,
        standardOutput: Stream = .inherited,
        standardError: Stream = .inherited
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (stream, target) in [(standardOutput, STDOUT_FILENO), (standardError, STDERR_FILENO)] {
            switch stream {
            case .inherited: break
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            case .pipe(let pipe): posix_spawn_file_actions_adddup2(&actions, pipe.fileHandleForWriting.fileDescriptor, target)
            case .file(let handle): posix_spawn_file_actions_adddup2(&actions, handle.fileDescriptor, target)
            }
        }
        Self.closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let environment = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        for case .pipe(let pipe) in [standardOutput, standardError] { try? pipe.fileHandleForWriting.close() }
        guard code == 0 else { throw LaunchError(executable: executable, code: code) }
        self.processIdentifier = pid
    }

    /// Starts a command found on `PATH`, as a shell would (through `/usr/bin/env`).
    package convenience init(
        command: [String],
        environment: [String: String]? = nil,
        standardOutput: Stream = .inherited,
        standardError: Stream = .inherited
    ) throws {
        try self.init(
            executable: "/usr/bin/env",
            arguments: command,
            environment: environment,
            standardOutput: standardOutput,
            standardError: standardError
        )
    }

    /// How the child ended, if it has.
    package var termination: Termination? {
        if let known = ended.withLock({ $0 }) { return known }
        return reap(blocking: false)
    }

    /// Whether the child is still running (reaps it when it has ended).
    package var isRunning: Bool { termination == nil }

    /// Sends a signal (SIGTERM by default) unless the child is known to have ended.
    ///
    /// It never reaps: a waiter may be blocked in `waitUntilExit()` on another thread, and a
    /// second reaper would leave that one without the status.
    package func signal(_ signal: Int32 = SIGTERM) {
        guard ended.withLock({ $0 }) == nil else { return }
        kill(processIdentifier, signal)
    }

    /// Blocks the calling thread until the child ends.
    @discardableResult
    package func waitUntilExit() -> Termination {
        if let known = ended.withLock({ $0 }) { return known }
        return reap(blocking: true) ?? .exited(-1)
    }

    /// Waits, on a Dispatch thread rather than one of Swift concurrency's, until the child ends.
    @discardableResult
    package func exit() async -> Termination {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: self.waitUntilExit()) }
        }
    }

    /// `posix_spawn_file_actions_addclosefrom_np(3)` (glibc 2.34 and later, found at run time as
    /// the Swift module does not declare it); without it, a close action for every descriptor
    /// open now above the standard streams.
    private static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
            return
        }
        let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        for descriptor in open.compactMap(Int32.init) where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
    }

    private func reap(blocking: Bool) -> Termination? {
        var status: Int32 = 0
        var result: pid_t
        repeat {
            result = waitpid(processIdentifier, &status, blocking ? 0 : WNOHANG)
        } while result == -1 && errno == EINTR
        if result == 0 { return nil }
        // -1 with ECHILD: another waiter reaped it; its result is in `ended`.
        let termination: Termination? =
            result == processIdentifier
            ? ((status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signalled(status & 0x7f)) : nil
        return ended.withLock { known in
            if known == nil, let termination { known = termination }
            return known ?? termination
        }
    }
}
