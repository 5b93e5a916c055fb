import Foundation
import HTTPTypes
import ReplayJournal
import Testing

/// The journal writes a request's headers as a sorted JSON object, without a dictionary.
@Suite("Header columns")
struct HeaderColumnTests {
    @Test func namesAreSortedAndARepeatedNamesValuesJoinedInTheOrderSent() throws {
        var headers = HTTPFields()
        headers.append(HTTPField(name: try #require(HTTPField.Name("X-Trace")), value: "b"))
        headers.append(HTTPField(name: .contentType, value: "application/json"))
        headers.append(HTTPField(name: try #require(HTTPField.Name("Accept")), value: "text/plain"))
        headers.append(HTTPField(name: try #require(HTTPField.Name("x-trace")), value: "a"))
        headers.append(HTTPField(name: try #require(HTTPField.Name("X-TRACE")), value: "c \"quoted\""))
        let column = HeaderColumn(headers) { name, value in name == "accept" ? "<redacted>" : value }
        #expect(column.fields.map(\.name) == ["accept", "content-type", "x-trace"])
        #expect(column.dictionary == ["accept": "<redacted>", "content-type": "application/json", "x-trace": "b, a, c \"quoted\""])
        #expect(
            String(decoding: column.json, as: UTF8.self)
                == #"{"accept":"<redacted>","content-type":"application/json","x-trace":"b, a, c \"quoted\""}"#
        )
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(column.json))
        #expect(decoded == column.dictionary)
    }

    @Test func noHeadersIsAnEmptyObject() {
        let column = HeaderColumn(HTTPFields()) { $1 }
        #expect(column.fields.isEmpty)
        #expect(column.json == Array("{}".utf8))
    }
}
