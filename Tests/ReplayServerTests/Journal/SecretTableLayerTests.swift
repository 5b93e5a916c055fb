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
}
