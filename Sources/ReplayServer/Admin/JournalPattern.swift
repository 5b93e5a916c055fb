import ReplayJournal
import Scenarios

/// What `POST /__admin/await` waits for in the journal: all given fields must match.
struct JournalPattern {
    var operation: String?
    var method: String?
    var path: String?
    var answeredBy: String?
    var responseCode: Int?
    var after: Int64

    init(_ value: JSONValue) throws {
        guard let object = value.object else { throw AdminError(error: "journal must be an object such as {\"operation\": \"search_products\"}") }
        let known = ["operation", "method", "path", "answered_by", "response_code", "after"]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw AdminError(error: "journal pattern has no field '\(unknown)'; it matches on \(known.joined(separator: ", "))")
        }
        self.operation = try value.adminString("operation", path: "journal.")
        self.method = try value.adminString("method", path: "journal.")
        self.path = try value.adminString("path", path: "journal.")
        self.answeredBy = try value.adminString("answered_by", path: "journal.")
        self.responseCode = try value.adminInteger("response_code", within: Int64(Int32.min)...Int64(Int32.max), path: "journal.").map { Int($0) }
        self.after = try value.adminInteger("after", within: 0...Int64.max, path: "journal.") ?? 0
    }

    var matches: @Sendable (JournalEntry) -> Bool {
        let pattern = self
        return { entry in
            (pattern.operation.map { $0 == entry.operation } ?? true) && (pattern.method.map { $0 == entry.method } ?? true)
                && (pattern.path.map { $0 == entry.path } ?? true) && (pattern.answeredBy.map { $0 == entry.answeredBy.rawValue } ?? true)
                && (pattern.responseCode.map { $0 == entry.responseCode } ?? true)
        }
    }
}
