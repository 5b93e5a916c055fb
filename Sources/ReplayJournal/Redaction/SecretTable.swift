import Foundation

/// The secrets of one request or interaction with their placeholders, ready to replace. A
/// value under a secret name is replaced by its placeholder; elsewhere, a value equal to a
/// secret of at least ``Redactor/shortestFollowed`` characters is replaced whole, and a
/// longer value holding one has it replaced inside.
package struct SecretTable: Sendable {
    /// The secrets and their placeholders, behind one reference: a request's table is copied
    /// and captured (by the closures that replace its headers) for one retain, not one for each
    /// of the parts it holds, and its parts are copied only when a shared table is added to.
    private var box = Self.emptyBox

    /// Holds the secrets, never changed: read in place, without a copy.
    private final class Box: Sendable {
        let secrets: Secrets

        init(_ secrets: Secrets) {
            self.secrets = secrets
        }
    }

    private static let emptyBox = Box(Secrets())

    /// The secrets, read in place. A change takes them out of their box, which is let go
    /// first: when no other table shared it, its parts change in place, not copied.
    private var secrets: Secrets {
        _read { yield box.secrets }
        _modify {
            var secrets = box.secrets
            box = Self.emptyBox
            defer { box = Box(secrets) }
            yield &secrets
        }
    }

    /// How many of one request's own secrets are looked for inside other values, at most: each
    /// costs a pass over every value and body, so a request holding thousands (a hostile body)
    /// would cost their number times its size. Past it, a request's secret is replaced where it
    /// stands and wherever a whole value equals it, not inside longer values.
    package static let maximumLayerInside = 64

    /// An empty table.
    package init() {}

    /// Secret → placeholder, for values under a secret name, a request's layer aside.
    var standing: [String: String] { secrets.standing }

    /// Adds a secret; one already there keeps its placeholder.
    ///
    /// - Parameter everywhere: Whether a value equal to it is replaced under any name; by
    ///   default when it has at least ``Redactor/shortestFollowed`` characters.
    package mutating func add(_ secret: String, placeholder: String, everywhere: Bool? = nil) {
        secrets.add(secret, placeholder: placeholder, everywhere: everywhere)
    }

    /// Adds a secret of one request, as ``add(_:placeholder:everywhere:)`` adds it by default,
    /// laid over the session's secrets instead of added to them; one already there keeps its
    /// placeholder.
    package mutating func addToLayer(_ secret: String, placeholder: String) {
        secrets.addToLayer(secret, placeholder: placeholder)
    }

    /// The placeholder of a value under a secret name, nil when it is not a secret of the table.
    package func placeholder(standing secret: String) -> String? {
        secrets.placeholder(standing: secret)
    }

    /// Whether there is nothing to replace.
    var isEmpty: Bool { secrets.isEmpty }

    /// The text with every secret replaced, whole or inside it.
    ///
    /// - Parameter underSecretName: Whether the text is the value of a secret name.
    package func replacing(_ text: String, underSecretName: Bool = false) -> String {
        secrets.replacing(text, underSecretName: underSecretName)
    }

    /// Replaces, in place, every secret found inside `bytes`; whether any was.
    package func replaceInside(_ bytes: inout [UInt8]) -> Bool {
        secrets.replaceInside(&bytes)
    }

    /// Whether any secret of the table is inside `bytes`: one pass per secret.
    package func occurs(in bytes: [UInt8]) -> Bool {
        secrets.occurs(in: bytes)
    }

    /// The first occurrence of `needle` in `haystack` at or after `start`, by the C library's
    /// `memmem` (linear, vectorised): a needle whose first byte is common in the haystack (a
    /// hex signature in an answer full of digits) costs no more than another.
    static func firstRange(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Range<Int>? {
        haystack.withUnsafeBytes { firstRange(of: needle, in: $0, from: start) }
    }

    static func firstRange(of needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        needle.withUnsafeBytes { firstRange(of: $0, in: haystack, from: start) }
    }

    static func firstRange(of needle: UnsafeRawBufferPointer, in haystack: UnsafeRawBufferPointer, from start: Int) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count - start >= needle.count, let base = haystack.baseAddress, let pinBase = needle.baseAddress,
            let found = CLibrary.memmem(base + start, haystack.count - start, pinBase, needle.count)
        else { return nil }
        let offset = base.distance(to: UnsafeRawPointer(found))
        return offset..<(offset + needle.count)
    }
}

/// What a ``SecretTable`` holds, and how it finds and replaces its secrets.
private struct Secrets: Sendable {
    /// Secret → placeholder, for values under a secret name; a request's layer is not in it
    /// (``SecretTable/placeholder(standing:)`` looks in both).
    var standing: [String: String] = [:]
    /// Secret → placeholder, for values equal to a secret anywhere.
    private var whole: [String: String] = [:]
    /// The secrets looked for inside other values, longest first: a longer secret holding a
    /// shorter one is replaced as a whole.
    private var insideSorted: [(secret: [UInt8], placeholder: String)] = []
    /// Secrets of one request laid over the session's table
    /// (``SecretTable/addToLayer(_:placeholder:)``), in the order added: a request's table
    /// shares the session's storage instead of copying it.
    private var layer: [(secret: String, placeholder: String)] = []
    /// The layer by secret, once it holds more than a few (a hostile body can hold a million):
    /// empty until then, and the layer is read in turn.
    private var layerIndex: [String: String] = [:]
    /// How many of the layer's secrets are looked for inside other values: the first
    /// ``SecretTable/maximumLayerInside`` long enough, in the order added (``layerInsideRuns``
    /// holds them, so that a layer of many short secrets is not read through for each value).
    private var layerInsideCount = 0
    /// The UTF-8 lengths of the secrets in ``standing`` (bit `min(length, 63)`): most values
    /// have none of them, and are not hashed to be looked up.
    private var lengths: UInt64 = 0
    /// The secrets of ``insideSorted`` as one run of bytes: a value is looked through without a
    /// reference counted per secret.
    private var insideRuns = ByteRuns()
    /// The layer's secrets looked for inside other values, likewise, apart: a request's table
    /// shares the session's runs instead of copying them to add its own.
    private var layerInsideRuns = ByteRuns()

    /// How long the layer is read in turn before it is indexed.
    private static let layerScanned = 8

    /// ``SecretTable/add(_:placeholder:everywhere:)``.
    mutating func add(_ secret: String, placeholder: String, everywhere: Bool? = nil) {
        precondition(layer.isEmpty, "a table with a request's layer is not added to")
        guard !secret.isEmpty, standing[secret] == nil else { return }
        standing[secret] = placeholder
        lengths |= Self.lengthBit(secret)
        let long = Self.isLookedForInside(secret)
        if everywhere ?? long { whole[secret] = placeholder }
        guard long else { return }
        let bytes = Array(secret.utf8)
        let position = insideSorted.firstIndex { $0.secret.count < bytes.count } ?? insideSorted.count
        insideSorted.insert((bytes, placeholder), at: position)
        insideRuns.append(bytes)
    }

    /// ``SecretTable/addToLayer(_:placeholder:)``.
    mutating func addToLayer(_ secret: String, placeholder: String) {
        guard !secret.isEmpty, self.placeholder(standing: secret) == nil else { return }
        layer.append((secret, placeholder))
        if Self.isLookedForInside(secret), layerInsideCount < SecretTable.maximumLayerInside {
            layerInsideCount += 1
            layerInsideRuns.append(secret.utf8)
        }
        if layer.count > Self.layerScanned {
            if layerIndex.isEmpty {
                for (secret, placeholder) in layer { layerIndex[secret] = placeholder }
            } else {
                layerIndex[secret] = placeholder
            }
        }
    }

    /// The placeholder of a secret of the layer, nil when it is not one.
    private func layered(_ secret: String) -> String? {
        layerIndex.isEmpty ? layer.first { $0.secret == secret }?.placeholder : layerIndex[secret]
    }

    /// ``SecretTable/placeholder(standing:)``.
    func placeholder(standing secret: String) -> String? {
        if lengths & Self.lengthBit(secret) != 0, let placeholder = standing[secret] { return placeholder }
        return layered(secret)
    }

    /// The placeholder of a value equal to a secret anywhere, nil when there is none.
    private func placeholder(whole text: String) -> String? {
        if lengths & Self.lengthBit(text) != 0, let placeholder = whole[text] { return placeholder }
        return text.utf8.count >= Redactor.shortestFollowed ? layered(text) : nil
    }

    /// Whether a secret is long enough to be looked for inside other values.
    private static func isLookedForInside(_ secret: String) -> Bool {
        secret.utf8.count >= Redactor.shortestFollowed
    }

    private static func lengthBit(_ text: String) -> UInt64 {
        1 << UInt64(min(text.utf8.count, 63))
    }

    /// The secrets looked for inside other values, longest first (of equal length, in the order
    /// added).
    private var inside: [(secret: [UInt8], placeholder: String)] {
        guard layerInsideCount > 0 else { return insideSorted }
        // Of equal length, the session's secrets before the layer's, each in the order added.
        // The layer's are read from their runs (each is in the layer once): however many
        // secrets the layer holds, this costs one lookup for each of those runs.
        let layerInside = layerInsideRuns.map { run -> (secret: [UInt8], placeholder: String)? in
            let bytes = Array(run)
            return layered(String(decoding: bytes, as: UTF8.self)).map { (bytes, $0) }
        }
        let all = insideSorted + layerInside.compactMap { $0 }
        return all.indices.sorted { all[$0].secret.count != all[$1].secret.count ? all[$0].secret.count > all[$1].secret.count : $0 < $1 }
            .map { all[$0] }
    }

    /// Whether any secret looked for inside other values is in `bytes`: one pass per secret
    /// that fits in them.
    private func anyInside(_ bytes: UnsafeRawBufferPointer) -> Bool {
        insideRuns.anyOccurs(in: bytes) || layerInsideRuns.anyOccurs(in: bytes)
    }

    /// Whether there is nothing to replace.
    var isEmpty: Bool { standing.isEmpty && layer.isEmpty }

    /// ``SecretTable/replacing(_:underSecretName:)``.
    func replacing(_ text: String, underSecretName: Bool = false) -> String {
        if underSecretName, let placeholder = placeholder(standing: text) { return placeholder }
        if let placeholder = placeholder(whole: text) { return placeholder }
        guard text.utf8.count >= Redactor.shortestFollowed else { return text }
        // Looked through in place first: most values hold no secret, and need no copy.
        var text = text
        guard text.withUTF8({ anyInside(UnsafeRawBufferPointer($0)) }) else { return text }
        var bytes = Array(text.utf8)
        guard replaceInside(&bytes) else { return text }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``SecretTable/replaceInside(_:)``.
    func replaceInside(_ bytes: inout [UInt8]) -> Bool {
        var changed = false
        for (secret, placeholder) in inside where bytes.count >= secret.count {
            guard var found = SecretTable.firstRange(of: secret, in: bytes, from: 0) else { continue }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var start = 0
            while true {
                result += bytes[start..<found.lowerBound]
                result += placeholder.utf8
                start = found.upperBound
                guard let next = SecretTable.firstRange(of: secret, in: bytes, from: start) else { break }
                found = next
            }
            result += bytes[start...]
            bytes = result
            changed = true
        }
        return changed
    }

    /// ``SecretTable/occurs(in:)``.
    func occurs(in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { anyInside($0) }
    }
}
