/// What `tts-replay --version` prints: the release and the commit it was built from (written
/// at build time by the `StampBuild` plugin).
enum BuildStamp {
    /// The release, raised with each tagged release.
    static let version = "0.4.0"

    /// `tts-replay 0.4.0 (commit 0123abc…)`.
    static var description: String { "tts-replay \(version) (commit \(commit))" }
}
