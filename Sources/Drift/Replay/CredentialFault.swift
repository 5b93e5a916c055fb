/// A credential a recorded request had wrong, read from production's answer, so that conform
/// can send the request wrong the same way: it signs every request with the scenario's own
/// credentials, which would otherwise turn production's refusal into a success.
enum CredentialFault: Sendable, Hashable {
    case sign
    case accessToken
    case appKey
    case staleTimestamp

    /// The fault production's answer names: a gateway refusal (HTTP 4xx) whose message names
    /// the credential, as the documented messages do; nil for any other answer.
    init?(refusal answer: RecordedAnswer) {
        guard (400..<500).contains(answer.status), answer.status != 429, let message = answer.message?.lowercased() else { return nil }
        if message.contains("timestamp") {
            self = .staleTimestamp
        } else if message.contains("sign") {
            self = .sign
        } else if message.contains("app_key") || message.contains("app key") {
            self = .appKey
        } else if message.contains("token") && !message.contains("expired") {
            self = .accessToken
        } else {
            return nil
        }
    }
}
