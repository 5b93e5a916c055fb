package import HTTPTypes

extension HTTPFields {
    /// A field's value, as the subscript reads it (the values of a repeated field joined), without
    /// the subscript's generic join for a field that comes once: every request reads a few.
    package func value(of name: HTTPField.Name) -> String? {
        var found: String?
        for field in self where field.name == name {
            // A repeated field is joined by the subscript, as HTTP types join it.
            guard found == nil else { return self[name] }
            found = field.value
        }
        return found
    }
}
