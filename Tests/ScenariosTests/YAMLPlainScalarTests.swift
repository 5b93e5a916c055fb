import Testing
import Yams

@testable import Scenarios

/// Plain scalars are typed without regular expressions exactly as Yams' default resolver types
/// them with its regular expressions.
@Suite("YAML plain scalars typed without regular expressions")
struct YAMLPlainScalarTests {
    /// The type Yams' resolver gives `text` written plain.
    static func byYams(_ text: String) -> YAMLPlainScalar {
        switch Resolver.default.resolveTag(of: Node(text)) {
        case .bool: .bool
        case .int: .int
        case .float: .float
        case .merge: .merge
        case .null: .null
        case .timestamp: .timestamp
        case .value: .value
        default: .string
        }
    }

    @Test(arguments: [
        ("", YAMLPlainScalar.null), ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("nULL", .string),
        ("yes", .bool), ("No", .bool), ("ON", .bool), ("off", .bool), ("TRUE", .bool), ("tRUE", .string), ("y", .string),
        ("0", .int), ("-0", .int), ("+12", .int), ("1_000", .int), ("0b101", .int), ("0o17", .int), ("017", .int), ("0x1F", .int),
        ("0x", .string), ("0o", .string), ("08", .float), ("1:30", .int), ("1:60", .string), ("190:20:30", .int), ("0:30", .string),
        ("1.5", .float), ("1.", .float), (".5", .float), ("1e5", .float), ("1e", .string), ("-1.5E-3", .float), (".5e+3", .float),
        (".5e3", .string), ("+.inf", .float), ("-.Inf", .float), (".NaN", .float), ("-.nan", .string), ("1:30.5", .float),
        ("1:30:", .string), ("<<", .merge), ("=", .value), ("2001-12-14", .timestamp), ("2001-12-14t21:59:43.10-05:00", .timestamp),
        ("2001-12-14 21:59:43.10 -5", .timestamp), ("2001-1-4 1:59:43Z", .timestamp), ("2001-1-4", .string), ("2001-12-14T", .string),
        ("GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3", .string), ("202611020900004D299F0370E6186B0001", .string), ("é1", .string),
        ("1\n", .int), ("1\n2", .string), ("a b", .string),
    ])
    func notableScalarsAreTypedAsYamsTypesThem(_ text: String, _ type: YAMLPlainScalar) {
        #expect(Self.byYams(text) == type, "the table itself")
        #expect(YAMLPlainScalar.resolve(text) == type)
    }

    /// Random text over the characters the patterns care about, from fixed seeds.
    @Test(arguments: 0..<8)
    func randomScalarsAreTypedAsYamsTypesThem(_ seed: Int) {
        var random = BrokenInputTests.Generator(state: UInt64(seed))
        let alphabets = [Array("0123456789+-._:eExXbBoO"), Array("0123456789-:.tTZ +"), Array("01_.:+-eEinfINFaNlu~<=yestrYESTRU \t")]
        var mismatches: [String] = []
        for _ in 0..<2_000 {
            let alphabet = alphabets[Int(random.next() % UInt64(alphabets.count))]
            let length = Int(random.next() % 12)
            let text = String((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
            if YAMLPlainScalar.resolve(text) != Self.byYams(text) { mismatches.append(text) }
        }
        #expect(mismatches == [])
    }

    /// The timestamps' shapes, from fixed seeds: digits and separators where the pattern has them.
    @Test func timestampShapesAreTypedAsYamsTypesThem() {
        var random = BrokenInputTests.Generator(state: 17)
        var mismatches: [String] = []
        let pieces = ["2001", "-", "1", "12", "123", "T", "t", " ", "\t", ":", "59", "5", ".", "10", "Z", "+", "-05", ":00", "x"]
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 14)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let shaped = "2001-12-14" + text
            for candidate in [text, shaped] where YAMLPlainScalar.resolve(candidate) != Self.byYams(candidate) {
                mismatches.append(candidate)
            }
        }
        #expect(mismatches == [])
    }
}
