import Testing

@testable import ReplayJournal

/// The journal reads forms with the query's percent-decoding, and keeps as written what that
/// decoding refuses (a query with it is refused by the gateway; a journal keeps every request).
@Suite("Form fields as the journal reads them")
struct EncodedFormTests {
    static func decoded(_ text: String) -> String {
        Array(text.utf8).withUnsafeBufferPointer { EncodedForm.decoded($0) }
    }

    @Test(arguments: [
        ("plain", "plain"), ("a+b", "a b"), ("a%20b%2Bc", "a b+c"), ("%E2%82%AC", "€"), ("%e2%82%ac", "€"),
        ("%zz", "%zz"), ("50%", "50%"), ("%4", "%4"), ("a+%zz", "a+%zz"), ("%FF", "%FF"), ("%C3", "%C3"),
    ])
    func escapesAreDecodedOrKeptAsWritten(_ text: String, _ expected: String) {
        #expect(Self.decoded(text) == expected)
    }
}
