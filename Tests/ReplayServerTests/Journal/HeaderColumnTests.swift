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

    /// A head of thousands of one repeated header (within the head's size limit) is one value,
    /// every part in order.
    @Test func manyRepeatsOfOneNameAreOneValue() throws {
        var headers = HTTPFields()
        let name = try #require(HTTPField.Name("x-n"))
        for index in 0..<5_000 { headers.append(HTTPField(name: name, value: String(index))) }
        headers.append(HTTPField(name: .accept, value: "*/*"))
        let column = HeaderColumn(headers) { $1 }
        #expect(column.fields.map(\.name) == ["accept", "x-n"])
        #expect(column.dictionary["x-n"] == (0..<5_000).map(String.init).joined(separator: ", "))
    }

    @Test func noHeadersIsAnEmptyObject() {
        let column = HeaderColumn(HTTPFields()) { $1 }
        #expect(column.fields.isEmpty)
        #expect(column.json == Array("{}".utf8))
    }
}
