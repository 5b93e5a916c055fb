/// Why a recording could not start or a cassette could not be written.
public enum RecorderError: Error, Sendable, CustomStringConvertible {
    /// The cassette file exists and neither appending nor overwriting was asked for.
    case cassetteExists(path: String)
    /// The existing cassette to append to is broken.
    case cannotAppend(path: String, reason: String)
    /// The cassette file cannot be written.
    case cannotWrite(path: String, reason: String)
    /// The upstream is not an http:// or https:// URL.
    case invalidUpstream(String)

    public var description: String {
        switch self {
        case .cassetteExists(let path): "\(path) exists; pass --append to add to it or --overwrite to replace it"
        case .cannotAppend(let path, let reason): "cannot append to \(path), it is not a valid cassette:\n\(reason)"
        case .cannotWrite(let path, let reason): "cannot write the cassette \(path): \(reason)"
        case .invalidUpstream(let text): "the upstream must be an http:// or https:// URL, not '\(text)'"
        }
    }
}
