package import HTTPTypes

/// Headers as a journal entry keeps them: names lower-cased and sorted, the values of a name
/// sent more than once joined with `, ` in the order sent. The writer builds one per request
/// and writes its JSON text straight into the row, without a dictionary per request; readers
/// see it as ``JournalEntry/headers``.
package struct HeaderColumn: Sendable {
    /// The headers, sorted by name (as `String` sorts), one field per name.
    package private(set) var fields: [(name: String, value: String)]

    /// The fields of `headers`, each value as `value` makes it from the field's lower-cased
    /// name and its value (what redaction replaces); `value` is called once per field, in the
    /// order of `headers`.
    package init(_ headers: HTTPFields, value: (_ name: String, _ value: String) -> String) {
        var fields: [(name: String, value: String)] = []
        fields.reserveCapacity(headers.count)
        for field in headers {
            let name = field.name.canonicalName
            fields.append((name, value(name, field.value)))
        }
        // `sort(by:)` is stable: a name's values stay in the order sent.
        fields.sort { $0.name < $1.name }
        guard zip(fields, fields.dropFirst()).contains(where: { $0.name == $1.name }) else {
            self.fields = fields
            return
        }
        // A name's values are joined once, whatever their number: joining one by one would
        // copy the growing value again for each (quadratic in a head of repeated headers).
        var joined: [(name: String, value: String)] = []
        joined.reserveCapacity(fields.count)
        var start = 0
        while start < fields.count {
            var end = start + 1
            while end < fields.count, fields[end].name == fields[start].name { end += 1 }
            let value = end - start == 1 ? fields[start].value : fields[start..<end].lazy.map(\.value).joined(separator: ", ")
            joined.append((fields[start].name, value))
            start = end
        }
        self.fields = joined
    }

    /// Name → value, as ``JournalEntry/headers`` holds them.
    package var dictionary: [String: String] {
        Dictionary(uniqueKeysWithValues: fields.lazy.map { ($0.name, $0.value) })
    }

    /// The column's JSON text as UTF-8: an object, its members sorted by name.
    package var json: [UInt8] {
        JournalJSON.object(fields)
    }
}
