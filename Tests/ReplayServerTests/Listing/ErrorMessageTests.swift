import Foundation
import Scenarios
import Testing

@testable import ReplayServer

/// The fake's error table answers TikTok's documented texts (`docs/error-messages.json`), and
/// every listing rule is in `docs/catalogue.md` with its codes.
@Suite("Error messages: the documented texts")
struct ErrorMessageTests {
    struct Documented: Decodable {
        struct Message: Decodable {
            var code: Int
            var message: String
            var source: String
        }

        var sources: [String: String]
        var messages: [Message]
    }

    /// Errors of the table that keep a code's number for a meaning TikTok does not document
    /// with that text: the gateway's and tts-replay's own uses of 36009003 / 36009004.
    static let otherMeanings: Set<Int> = [36009003, 36009004]

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func documented() throws -> Documented {
        try JSONDecoder().decode(Documented.self, from: Data(contentsOf: packageRoot.appendingPathComponent("docs/error-messages.json")))
    }

    @Test func everyDocumentedCodeOfTheTableAnswersTheDocumentedText() throws {
        let documented = try Self.documented()
        let texts = Dictionary(grouping: documented.messages, by: \.code).mapValues { Set($0.map(\.message)) }
        #expect(documented.messages.allSatisfy { documented.sources[$0.source] != nil }, "every message names its source")
        var checked = 0
        for error in APIError.table {
            guard let expected = texts[error.code] else { continue }
            if Self.otherMeanings.contains(error.code), !expected.contains(error.message) { continue }
            #expect(expected.contains(error.message), "\(error.code): '\(error.message)' is not the documented '\(expected.sorted())'")
            checked += 1
        }
        #expect(checked >= 30)
    }

    @Test func everyCodeAListingRuleAnswersIsDocumented() throws {
        let codes = Set(try Self.documented().messages.map(\.code))
        for rule in ListingRule.all {
            #expect(rule.codes.allSatisfy(codes.contains), "\(rule.name): \(rule.codes.filter { !codes.contains($0) })")
        }
    }

    @Test func placeholdersAreFilled() {
        let error = APIError.manufacturerNotFound.filling(["manufacturer_id": "7410"])
        #expect(error.message == "Manufacturer ID 7410 is not found")
        #expect(error.code == 12052284)
    }

    @Test func theCatalogueDocsListEveryRuleWithItsCodes() throws {
        let page = try String(contentsOf: Self.packageRoot.appendingPathComponent("docs/catalogue.md"), encoding: .utf8)
        for rule in ListingRule.all {
            let line = page.split(separator: "\n").first { $0.contains("`\(rule.name)`") }
            #expect(line != nil, "docs/catalogue.md does not list \(rule.name)")
            for code in rule.codes { #expect(line?.contains(String(code)) == true, "\(rule.name): \(code) is not on its line") }
        }
    }
}
