/// Which category tree an id belongs to: the 3-level tree (`v1`) or the 7-level one (`v2`).
public enum CategoryVersion: String, Sendable, Hashable, CaseIterable, Codable {
    /// The 3-level tree, the default where the API takes a version.
    case v1
    /// The 7-level tree ("L7").
    case v2

    /// Reads `v1`/`v2` in either case, as the reference writes lowercase and the changelogs uppercase.
    public init?(parsing text: String) {
        self.init(rawValue: text.lowercased())
    }
}
