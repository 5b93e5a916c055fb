/// A coding key built from a path segment; numeric segments index lists.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ segment: String) {
        self.stringValue = segment
        self.intValue = Int(segment)
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) { self.init("\(intValue)") }
}
