package import HTTPTypes

/// A request as the API handler hands it to the journal: as it came and as it was answered,
/// secrets still in it. The journal's writer redacts it (``JournalRedactor``), in arrival
/// order, and builds its columns, so the handler only moves references to bytes it already
/// holds.
///
/// A class: the handler hands the writer one reference, which the queue, the batch and the
/// redactor pass on, instead of a value of some twenty references copied at each step. Its
/// fields never change.
package final class ArrivedRequest: Sendable {
    /// The entry's facts (arrival, who answered, status, checks); its path, query, headers
    /// and bodies are filled in by the writer from the fields below.
    package let entry: JournalEntry
    /// The path, without the query, as sent.
    package let path: String
    /// The raw query, without the `?`, as sent.
    package let query: String
    /// The request headers as sent.
    package let headers: HTTPFields
    /// The request body as sent.
    package let body: [UInt8]
    /// The answer's headers.
    package let responseHeaders: HTTPFields
    /// The answer's body, a shared part by reference.
    package let answer: AnswerBytes

    /// A request as it came and was answered.
    package init(
        entry: JournalEntry,
        path: String,
        query: String,
        headers: HTTPFields,
        body: [UInt8],
        responseHeaders: HTTPFields,
        answer: AnswerBytes
    ) {
        self.entry = entry
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.responseHeaders = responseHeaders
        self.answer = answer
    }

    /// What the entry costs in the writer's queue: its own bytes, not the answer's shared part.
    var queueCost: Int {
        var cost = 256 + path.utf8.count + query.utf8.count + body.count + answer.head.count + answer.tail.count
        for field in headers { cost += field.name.rawName.utf8.count + field.value.utf8.count + 8 }
        return cost
    }
}
