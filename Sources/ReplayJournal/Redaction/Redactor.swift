import Scenarios

/// Replaces secrets with placeholders: one redactor for the recorder's cassettes and the
/// server's journal, with one rule for the names that hold secrets (``SecretName``) and one
/// memory of the secrets seen in the session (a recording, a server's life).
///
/// - A value under a secret name is replaced where it stands, in query parameters, headers,
///   JSON members at any depth (every value under such a member) and form fields.
/// - A credential, that is any secret but a signature, of at least ``shortestFollowed``
///   characters, is remembered: from then on a value equal to it or holding it is replaced
///   too, wherever it stands and under any name. A signature is a digest of one request,
///   different on every call, so following it would only cost memory; a shorter value
///   (`true`, `1`) would erase unrelated fields that happen to be equal.
///
/// Placeholders are ``Style/numbered`` in cassettes, `<redacted:refresh_token:3>`: the same
/// credential has the same number everywhere, so the file still shows which calls shared a
/// token. The journal writes ``Style/plain`` ones, `<redacted>`, as requests are journaled
/// concurrently and numbers would depend on the order they happened to be redacted in.
package struct Redactor: Sendable {
    /// How placeholders are written.
    package enum Style: Sendable {
        /// `<redacted:KIND:N>`, numbered in order of discovery; KIND is the name it was found under.
        case numbered
        /// `<redacted>`.
        case plain
    }

    /// A secret found in a request or answer, before it is replaced.
    struct Found: Sendable {
        /// The value.
        var value: String
        /// The name it was found under (the placeholder's kind).
        var name: String
    }

    /// The placeholder of the ``Style/plain`` style.
    static let plainPlaceholder = "<redacted>"
    /// The shortest secret remembered and looked for inside other values.
    static let shortestFollowed = 6

    /// How many credentials a redactor remembers unless told otherwise, those it is given
    /// included: enough for any real client or recording. Each one remembered costs a pass
    /// over every value redacted afterwards, so a redactor that remembered all would make a
    /// request or an exchange holding thousands of secrets (a hostile body) cost their number
    /// times its size, and every later one as much.
    package static let defaultCapacity = 64

    let style: Style
    /// How many credentials are remembered at most; past it, new ones are still replaced where
    /// they stand and in the rest of their request, but not looked for afterwards.
    let capacity: Int
    private var remembered = SecretTable()
    private var rememberedCount = 0
    /// The remembered credentials looked for inside other values (those of at least
    /// ``shortestFollowed`` characters), in the order they were learned: a list that only grows.
    private(set) var followed: [[UInt8]] = []
    private var counter: Int

    /// - Parameters:
    ///   - secrets: Values redacted wherever they appear from the start, such as the app secret
    ///     (whatever their length; inside other values from ``shortestFollowed`` characters).
    ///   - numberingAfter: The highest placeholder number already used (a cassette appended to).
    ///   - capacity: How many credentials to remember at most, given ones included.
    package init(style: Style, secrets: [String] = [], numberingAfter: Int = 0, capacity: Int = defaultCapacity) {
        self.style = style
        self.capacity = capacity
        self.counter = numberingAfter
        for secret in secrets where !secret.isEmpty && remembered.placeholder(standing: secret) == nil {
            remembered.add(secret, placeholder: next(kind: "secret"), everywhere: true)
            rememberedCount += 1
            if secret.utf8.count >= Self.shortestFollowed { followed.append(Array(secret.utf8)) }
        }
    }

    /// The remembered credentials, for values that hold no secret of their own request.
    var credentials: SecretTable { remembered }

    /// The table to replace one request's or interaction's secrets with: those found in it
    /// (remembered when they are credentials) and every credential remembered before.
    mutating func table(for found: [Found]) -> SecretTable {
        var table = remembered
        for secret in found where !secret.value.isEmpty && table.placeholder(standing: secret.value) == nil {
            let placeholder = next(kind: SecretName.kind(secret.name))
            table.addToLayer(secret.value, placeholder: placeholder)
            if rememberedCount < capacity, secret.value.utf8.count >= Self.shortestFollowed, !Self.isSignature(secret.name) {
                remembered.add(secret.value, placeholder: placeholder)
                rememberedCount += 1
                followed.append(Array(secret.value.utf8))
            }
        }
        return table
    }

    /// A new placeholder. Signatures and short values are numbered too, so that a cassette's
    /// numbers still say in which order secrets came.
    private mutating func next(kind: @autoclosure () -> String) -> String {
        switch style {
        case .plain: return Self.plainPlaceholder
        case .numbered:
            counter += 1
            return "<redacted:\(kind()):\(counter)>"
        }
    }

    /// Whether a secret name names a signature: a digest of one request, not followed.
    static func isSignature(_ name: String) -> Bool {
        if name == RequestParameter.sign { return true }
        guard let last = SecretName.words(of: name).last else { return false }
        return ["sign", "signature", "signatures"].contains(last)
    }
}
