import Foundation

/// The secrets of one request or interaction with their placeholders, ready to replace. A
/// value under a secret name is replaced by its placeholder; elsewhere, a value equal to a
/// secret of at least ``Redactor/shortestFollowed`` characters is replaced whole, and a
/// longer value holding one has it replaced inside.
package struct SecretTable: Sendable {
    /// Secret → placeholder, for values under a secret name.
    private(set) var standing: [String: String] = [:]
    /// Secret → placeholder, for values equal to a secret anywhere.
    private(set) var whole: [String: String] = [:]
    /// The secrets looked for inside other values, longest first: a longer secret holding a
    /// shorter one is replaced as a whole.
    private(set) var inside: [(secret: [UInt8], placeholder: String)] = []

    /// Adds a secret; one already there keeps its placeholder.
    ///
    /// - Parameter everywhere: Whether a value equal to it is replaced under any name; by
    ///   default when it has at least ``Redactor/shortestFollowed`` characters.
    mutating func add(_ secret: String, placeholder: String, everywhere: Bool? = nil) {
        guard !secret.isEmpty, standing[secret] == nil else { return }
        standing[secret] = placeholder
        let long = secret.utf8.count >= Redactor.shortestFollowed
        if everywhere ?? long { whole[secret] = placeholder }
        guard long else { return }
        let bytes = Array(secret.utf8)
        let position = inside.firstIndex { $0.secret.count < bytes.count } ?? inside.count
        inside.insert((bytes, placeholder), at: position)
    }

    /// Whether there is nothing to replace.
    var isEmpty: Bool { standing.isEmpty }

    /// The text with every secret replaced, whole or inside it.
    ///
    /// - Parameter underSecretName: Whether the text is the value of a secret name.
    package func replacing(_ text: String, underSecretName: Bool = false) -> String {
        if underSecretName, let placeholder = standing[text] { return placeholder }
        if let placeholder = whole[text] { return placeholder }
        guard let shortest = inside.last?.secret.count, text.utf8.count >= shortest else { return text }
        // Looked through in place first: most values hold no secret, and need no copy.
        var text = text
        let holds = text.withUTF8 { bytes in
            inside.contains { Self.firstRange(of: $0.secret, in: UnsafeRawBufferPointer(bytes), from: 0) != nil }
        }
        guard holds else { return text }
        var bytes = Array(text.utf8)
        guard replaceInside(&bytes) else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaces, in place, every secret found inside `bytes`; whether any was.
    func replaceInside(_ bytes: inout [UInt8]) -> Bool {
        var changed = false
        for (secret, placeholder) in inside where bytes.count >= secret.count {
            guard var found = Self.firstRange(of: secret, in: bytes, from: 0) else { continue }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var start = 0
            while true {
                result += bytes[start..<found.lowerBound]
                result += placeholder.utf8
                start = found.upperBound
                guard let next = Self.firstRange(of: secret, in: bytes, from: start) else { break }
                found = next
            }
            result += bytes[start...]
            bytes = result
            changed = true
        }
        return changed
    }

    /// Whether any secret of the table is inside `bytes`: one pass per secret.
    func occurs(in bytes: [UInt8]) -> Bool {
        inside.contains { Self.firstRange(of: $0.secret, in: bytes, from: 0) != nil }
    }

    /// The first occurrence of `needle` in `haystack` at or after `start`, by the C library's
    /// `memmem` (linear, vectorised): a needle whose first byte is common in the haystack (a
    /// hex signature in an answer full of digits) costs no more than another.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        haystack.withUnsafeBytes { firstRange(of: needle, in: $0, from: start) }
    }

    static func firstRange(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count - start >= needle.count else { return nil }
        return needle.withUnsafeBytes { pin in
            guard let base = haystack.baseAddress, let pinBase = pin.baseAddress,
                let found = CLibrary.memmem(base + start, haystack.count - start, pinBase, pin.count)
            else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(found))
            return offset..<(offset + pin.count)
        }
    }
}

/// The C library's `memmem`, which Swift's Glibc module leaves out (a GNU extension there):
/// looked up once at run time on Linux.
enum CLibrary {
    typealias MemMem = @convention(c) (UnsafeRawPointer?, Int, UnsafeRawPointer?, Int) -> UnsafeMutableRawPointer?

    #if canImport(Glibc)
    static let memmem: MemMem = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "memmem") else {
            fatalError("the C library has no memmem")
        }
        return unsafeBitCast(symbol, to: MemMem.self)
    }()
    #else
    static let memmem: MemMem = { Darwin.memmem($0, $1, $2, $3) }
    #endif
}
