/// Which names hold secrets: query parameters, headers, JSON members and form fields alike.
///
/// A name is read as words, lower-cased, split at any character that is not a letter or a
/// digit and at camelCase boundaries, so `refresh_token`, `refreshToken`, `refresh-token` and
/// `REFRESH_TOKEN` are one name, `refresh token`. It holds a secret when its last word says so
/// (the last word is what the value is: `access_token_expire_in` is a time, `token_type` a
/// type): `token`, `secret`, `password`, `passwd`, `pwd`, `passphrase`, `key`, `apikey`, `sign`,
/// `signature`, `auth`, `authorization`, `oauth`, `cookie`, `credential`, their plurals, or a
/// word run together that ends with `token`, `secret`, `password`, `passwd`, `signature`,
/// `credential` or `cookie` (`ACCESSTOKEN`, `clientsecret`); `auth_code` holds one too.
///
/// Two kinds of names keep their values, because the contract and replay matching read them
/// and they grant nothing: `app_key` (the app's public identifier, sent in clear on every
/// signed request, checked by the gateway's `app_key` check) and pagination cursors
/// (`page_token`, `next_page_token`, `pageToken`). Names such as `shop_cipher`, `category_id`
/// or `authorized_status` say nothing secret and are kept.
enum SecretName {
    /// Last words that name a secret.
    static let secretWords: Set<String> = [
        "token", "tokens", "secret", "secrets", "password", "passwords", "passwd", "pwd", "passphrase", "key", "keys", "apikey",
        "sign", "signature", "signatures", "auth", "authorization", "oauth", "cookie", "cookies", "credential", "credentials",
    ]
    /// Endings that name a secret even when run together with other words.
    static let secretEndings = ["token", "tokens", "secret", "password", "passwd", "signature", "credential", "credentials", "cookie"]

    /// Whether a value under this name is a secret.
    static func isSecret(_ name: some StringProtocol) -> Bool {
        let words = words(of: name)
        guard let last = words.last else { return false }
        if words.count >= 2 {
            let previous = words[words.count - 2]
            if previous == "app" && last == "key" { return false }
            if previous == "page" && (last == "token" || last == "tokens") { return false }
            if previous == "auth" && last == "code" { return true }
        }
        if secretWords.contains(last) { return true }
        if last.hasSuffix("pagetoken") { return false }
        return secretEndings.contains { last.hasSuffix($0) }
    }

    /// The name's words, lower-cased: `x-api-key` and `xApiKey` give `x`, `api`, `key`.
    static func words(of name: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = ""
        let scalars = Array(name.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            guard isLetterOrDigit(scalar) else {
                if !current.isEmpty { words.append(current) }
                current = ""
                continue
            }
            if isUpper(scalar), !current.isEmpty {
                // A word starts at lower→Upper (`refreshToken`) and at the last capital of a
                // run followed by a lower-case letter (`APIKey` is `API`, `Key`).
                let nextIsLower = index + 1 < scalars.count && isLower(scalars[index + 1])
                if !isUpper(scalars[index - 1]) || nextIsLower {
                    words.append(current)
                    current = ""
                }
            }
            if scalar.isASCII {
                current.unicodeScalars.append(isUpper(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar)
            } else {
                current.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    // ASCII first: names are nearly always ASCII, and Unicode properties cost a table lookup.
    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return scalar.properties.isAlphabetic }
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    private static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("A"..."Z").contains(scalar) : scalar.properties.isUppercase
    }

    private static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? ("a"..."z").contains(scalar) : scalar.properties.isLowercase
    }

    /// The name as a placeholder kind: its words joined by `-` when the name is written with
    /// `-` (a header), else by `_`; `refreshToken` gives `refresh_token`.
    static func kind(_ name: some StringProtocol) -> String {
        let words = words(of: name)
        guard !words.isEmpty else { return "secret" }
        return words.joined(separator: name.contains("-") ? "-" : "_")
    }
}
