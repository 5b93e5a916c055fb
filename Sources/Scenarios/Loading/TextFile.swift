import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a scenario, cassette or catalogue file as UTF-8 text, at a cost bounded by the file's
/// size and a limit: the file is looked at (`stat`) before it is opened and measured (`fstat`)
/// before it is read, so that a device, a FIFO or a huge file is refused with what it is, never
/// read whole and never waited on.
package enum TextFile {
    /// The largest file read: far above any scenario or cassette, far below what hurts.
    package static let maximumBytes = 64 * 1_048_576

    /// The bytes of a regular file no larger than `limit`.
    ///
    /// - Throws: `DiagnosticError` when the path names nothing, nothing readable, something other
    ///   than a regular file (a folder, a device, a FIFO, a socket) or a file over the limit.
    static func bytes(at url: URL, displayName name: String, limit: Int = maximumBytes) throws(DiagnosticError) -> [UInt8] {
        func refuse(_ message: String) -> DiagnosticError {
            DiagnosticError([Diagnostic(file: name, line: 0, column: 0, keyPath: "", message: message)])
        }
        // `stat` first: it tells a FIFO or a socket from a file without opening it, and opening a
        // FIFO would wait for a writer.
        var status = stat()
        guard stat(url.path, &status) == 0 else { throw refuse(reason(errno)) }
        if let kind = kind(of: status) { throw refuse("not a regular file: \(kind)") }
        // Not blocking, in case the path was replaced by a FIFO since; `fstat` then has the last word.
        let descriptor = open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw refuse(reason(errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { throw refuse(reason(errno)) }
        if let kind = kind(of: status) { throw refuse("not a regular file: \(kind)") }
        let size = Int(status.st_size)
        if size > limit {
            throw refuse("the file is \(mebibytes(size)) (\(size) bytes), over the limit of \(mebibytes(limit)); split it")
        }
        // One byte more than the size, to see a file that grew since `fstat` without reading it all.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while count < bytes.count {
            let received = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if received < 0 && errno == EINTR { continue }
            guard received >= 0 else { throw refuse(reason(errno)) }
            if received == 0 { break }
            count += received
        }
        if count > size { throw refuse("the file grew while it was read; read it again when it is complete") }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The text of a regular file no larger than `limit`.
    ///
    /// - Throws: `DiagnosticError` as ``bytes(at:displayName:limit:)`` does, or located at the
    ///   first NUL byte or the first byte that is not UTF-8.
    static func text(at url: URL, displayName name: String, limit: Int = maximumBytes) throws(DiagnosticError) -> String {
        try text(of: bytes(at: url, displayName: name, limit: limit), file: name)
    }

    /// Bytes as UTF-8 text without NUL bytes, which no scenario or cassette holds and which the
    /// YAML parser would take for the end of the text.
    ///
    /// - Throws: `DiagnosticError` located at the first NUL byte or the first byte that is not UTF-8.
    /// A leading byte order mark is dropped, as editors hide it: the YAML parser would take it
    /// for a column of indentation on the first line (a file of two top-level keys then failed).
    static func text(of bytes: [UInt8], file: String) throws(DiagnosticError) -> String {
        let bytes = bytes.starts(with: byteOrderMark) ? Array(bytes.dropFirst(byteOrderMark.count)) : bytes
        if !bytes.contains(0), let text = String(validating: bytes, as: UTF8.self) { return text }
        throw DiagnosticError([firstProblem(in: bytes, file: file)])
    }

    /// UTF-8's byte order mark.
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Where the first NUL byte or invalid UTF-8 sequence is; columns count characters (scalars), as the YAML parser's do.
    private static func firstProblem(in bytes: [UInt8], file: String) -> Diagnostic {
        var line = 1
        var lineStart = 0
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        func column() -> Int {
            // Scalars since the line's start: every byte that does not continue a sequence starts one.
            bytes[lineStart..<offset].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        }
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    return Diagnostic(
                        file: file,
                        line: line,
                        column: column(),
                        keyPath: "",
                        message: "the file contains a NUL byte at \(line):\(column()) (binary data?); scenarios and cassettes are UTF-8 text"
                    )
                }
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    lineStart = offset
                }
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                return Diagnostic(
                    file: file,
                    line: line,
                    column: column(),
                    keyPath: "",
                    message: "the file is not UTF-8 text (byte 0x\(byte.count == 1 ? "0" : "")\(byte) at \(line):\(column()))"
                )
            case .emptyInput:
                return Diagnostic(file: file, line: 0, column: 0, keyPath: "", message: "the file is not UTF-8 text")
            }
        }
    }

    /// What a file that is not a regular one is, or nil for a regular file.
    /// Why `path` cannot be read as a regular file, in words (no such file, a folder, a FIFO…);
    /// nil when it can be. Looks with `stat`, without opening it: opening a FIFO would wait.
    package static func problem(atPath path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return reason(errno) }
        return kind(of: status).map { "not a regular file: \($0)" }
    }

    private static func kind(of status: stat) -> String? {
        switch status.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "a file of an unknown kind"
        }
    }

    /// Why a file cannot be opened or read, in words.
    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case ENOTDIR: "no such file (a part of the path is not a folder)"
        case EACCES: "cannot read the file: permission denied"
        default: "cannot read the file: \(String(cString: strerror(code)))"
        }
    }

    private static func mebibytes(_ bytes: Int) -> String {
        let value = Double(bytes) / 1_048_576
        return value.rounded() == value ? "\(Int(value)) MiB" : String(format: "%.1f MiB", value)
    }
}
