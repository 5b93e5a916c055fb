import ReplayJournal
import Testing

/// A request's secrets are laid over the session's table instead of copied into it: the layered
/// table must replace exactly what the same secrets added to the table replace.
@Suite("Secret table: a request's layer")
struct SecretTableLayerTests {
    /// The session's secrets, then a request's: a long one holding a session secret, one of equal
    /// length, a short one (replaced under its name only), and a repeat.
    static let session = ["APPSECRET-0001", "tok", "TTP_access_token_42"]
    static let request = ["xxAPPSECRET-0001yy", "SIGN-0123456", "abc", "TTP_access_token_42", "APPSECRET-9999"]

    static func flat() -> SecretTable {
        var table = SecretTable()
        for (index, secret) in (session + request).enumerated() { table.add(secret, placeholder: "<p\(index)>") }
        return table
    }

    static func layered() -> SecretTable {
        var table = SecretTable()
        for (index, secret) in session.enumerated() { table.add(secret, placeholder: "<p\(index)>") }
        for (index, secret) in request.enumerated() { table.addToLayer(secret, placeholder: "<p\(session.count + index)>") }
        return table
    }

    static let texts: [String] =
        session + request + [
            "", "plain", "tok", "abc", "before xxAPPSECRET-0001yy after", "APPSECRET-0001 and APPSECRET-9999",
            "SIGN-0123456SIGN-0123456", "sign=SIGN-0123456&t=1", "TTP_access_token_42/APPSECRET-0001", "abcabc", "xxAPPSECRET-0001y",
        ]

    @Test func aLayeredTableReplacesAsTheSameSecretsAdded() {
        let (flat, layered) = (Self.flat(), Self.layered())
        for text in Self.texts {
            for underSecretName in [false, true] {
                #expect(
                    layered.replacing(text, underSecretName: underSecretName) == flat.replacing(text, underSecretName: underSecretName),
                    "\(text), under a secret name: \(underSecretName)"
                )
            }
            #expect(layered.placeholder(standing: text) == flat.placeholder(standing: text), "\(text)")
            let bytes = Array(text.utf8)
            #expect(layered.occurs(in: bytes) == flat.occurs(in: bytes), "\(text)")
            var (inFlat, inLayered) = (bytes, bytes)
            #expect(layered.replaceInside(&inLayered) == flat.replaceInside(&inFlat), "\(text)")
            #expect(inLayered == inFlat, "\(text)")
        }
    }

    @Test func theLongerSecretIsReplacedWholeAndTheFirstPlaceholderKept() {
        let layered = Self.layered()
        #expect(layered.replacing("before xxAPPSECRET-0001yy after") == "before <p3> after")
        #expect(layered.replacing("TTP_access_token_42", underSecretName: true) == "<p2>", "the session's placeholder, not the request's repeat")
        #expect(layered.replacing("abc") == "abc", "a short secret is replaced under its name only")
        #expect(layered.replacing("abc", underSecretName: true) == "<p5>")
    }

    /// Past a few secrets the layer is indexed: it must find each as the flat table does.
    @Test func aLargeLayerFindsEverySecret() {
        let secrets = (0..<40).map { "REQUEST-SECRET-\($0)" } + ["abc"]
        var (flat, layered) = (SecretTable(), SecretTable())
        flat.add("APPSECRET-0001", placeholder: "<s>")
        layered.add("APPSECRET-0001", placeholder: "<s>")
        for (index, secret) in secrets.enumerated() {
            flat.add(secret, placeholder: "<p\(index)>")
            layered.addToLayer(secret, placeholder: "<p\(index)>")
        }
        for text in secrets + ["REQUEST-SECRET-99", "APPSECRET-0001", "with REQUEST-SECRET-7 inside"] {
            #expect(layered.placeholder(standing: text) == flat.placeholder(standing: text), "\(text)")
            #expect(layered.replacing(text) == flat.replacing(text), "\(text)")
        }
    }

    /// A request's own secrets are looked for inside other values up to a bound (each costs a
    /// pass over every value); past it they are replaced where they stand and as whole values.
    @Test func aRequestsSecretsPastTheBoundAreNotLookedForInsideValues() {
        var table = SecretTable()
        let count = SecretTable.maximumLayerInside + 2
        for index in 0..<count { table.addToLayer("SECRET-\(100 + index)", placeholder: "<p\(index)>") }
        let first = "SECRET-100"
        let last = "SECRET-\(100 + count - 1)"
        #expect(table.replacing("a \(first) b") == "a <p0> b")
        #expect(table.replacing("a \(last) b") == "a \(last) b", "past the bound: not inside a longer value")
        #expect(table.replacing(last) == "<p\(count - 1)>", "but a whole value equal to it is replaced")
        #expect(table.replacing(last, underSecretName: true) == "<p\(count - 1)>")
    }

    /// Whether a text holds a secret is a search for each secret long enough to be looked for
    /// inside values (the session's and the layer's), whatever the lengths of the text and the
    /// secrets: a text as long as the shortest secret, or shorter, one that fits only some.
    @Test func aSecretIsFoundInsideWhateverTheLengths() {
        let table = Self.layered()
        let longSecrets = (Self.session + Self.request).filter { $0.utf8.count >= 6 }
        var texts = Self.texts
        for secret in longSecrets {
            texts += [secret, String(secret.dropFirst()), String(secret.dropLast()), "<\(secret)>", "\(secret)\(secret)"]
        }
        texts += ["SIGN-012345", "SIGN-0123456", "xSIGN-0123456", "APPSECRET-999", "APPSECRET-9999!"]
        for text in texts {
            let expected = longSecrets.contains { text.contains($0) }
            #expect(table.occurs(in: Array(text.utf8)) == expected, "\(text)")
        }
    }
}
