import Drift
import Scenarios
import Testing

/// Each kind of shape difference, from a small hand-made pair of answers.
@Suite("Drift: shape comparison")
struct ShapeComparisonTests {
    static func shape(_ answers: JSONValue...) -> JSONShape {
        var shape = JSONShape()
        for answer in answers { shape.add(answer) }
        return shape
    }

    static func findings(production: JSONValue, simulator: JSONValue) -> [DriftFinding] {
        ShapeComparison.findings(production: shape(production), simulator: shape(simulator))
    }

    static func only(_ findings: [DriftFinding]) throws -> DriftFinding {
        try #require(findings.count == 1, "\(findings)")
        return findings[0]
    }

    @Test func equalShapesGiveNothingWhateverTheValues() {
        let production: JSONValue = .object(["id": .string("1"), "tags": .array([.string("a")]), "price": .number(1.5)])
        let simulator: JSONValue = .object(["id": .string("2"), "tags": .array([.string("b"), .string("c")]), "price": .number(7)])
        #expect(Self.findings(production: production, simulator: simulator).isEmpty)
    }

    @Test func aFieldProductionSendsAndTheSimulatorNeverDoesIsMissing() throws {
        let finding = try Self.only(
            Self.findings(
                production: .object(["data": .object(["id": .string("1"), "audit": .object(["status": .string("OK"), "reasons": .array([])])])]),
                simulator: .object(["data": .object(["id": .string("1")])])
            )
        )
        #expect(finding.kind == .missingField)
        #expect(finding.subject == "data.audit", "the members of a missing object are not reported again")
        #expect(finding.severity == .significant)
    }

    @Test func aFieldOnlyTheSimulatorSendsIsExtra() throws {
        let finding = try Self.only(
            Self.findings(production: .object(["id": .string("1")]), simulator: .object(["id": .string("1"), "is_not_for_sale": .bool(false)]))
        )
        #expect(finding.kind == .extraField)
        #expect(finding.subject == "is_not_for_sale")
    }

    @Test func anotherJSONTypeIsATypeDifference() throws {
        let finding = try Self.only(
            Self.findings(production: .object(["allowed": .string("PRE_ORDER")]), simulator: .object(["allowed": .array([.string("PRE_ORDER")])]))
        )
        #expect(finding.kind == .type)
        #expect(finding.severity == .breaking)
        #expect(finding.production.contains("string") && finding.simulator.contains("array"))
    }

    @Test func aNumberSentAsAStringAndTheReverseAreNamed() throws {
        let asString = try Self.only(
            Self.findings(production: .object(["product_id": .string("1729592969712207008")]), simulator: .object(["product_id": .number(17)]))
        )
        #expect(asString.kind == .numberAsString)
        let asNumber = try Self.only(
            Self.findings(production: .object(["product_id": .number(17)]), simulator: .object(["product_id": .string("1729592969712207008")]))
        )
        #expect(asNumber.kind == .stringAsNumber)
        let text = try Self.only(Self.findings(production: .object(["name": .string("socks")]), simulator: .object(["name": .number(1)])))
        #expect(text.kind == .type, "a string that is not a number is a plain type difference")
    }

    @Test func anEnumValueTheSimulatorNeverProducesIsReported() throws {
        let production = Self.shape(.object(["status": .string("ACTIVATE")]), .object(["status": .string("SELLER_DEACTIVATED")]))
        let simulator = Self.shape(.object(["status": .string("ACTIVATE")]))
        let finding = try Self.only(ShapeComparison.findings(production: production, simulator: simulator))
        #expect(finding.kind == .enumValue)
        #expect(finding.production == "SELLER_DEACTIVATED")
    }

    @Test func codesAndIdsAreNotTakenForEnums() {
        #expect(Self.findings(production: .object(["code": .string("GBLC9LGMXG9E")]), simulator: .object(["code": .string("CNGBCBA4LLU8")])).isEmpty)
        #expect(Self.findings(production: .object(["title": .string("Wool socks")]), simulator: .object(["title": .string("Mug")])).isEmpty)
    }

    @Test func anArrayAlwaysEmptyHereAndNeverThereIsReportedOnceForItsElements() throws {
        let finding = try Self.only(
            Self.findings(
                production: .object(["errors": .array([.object(["code": .number(1), "message": .string("x")])])]),
                simulator: .object(["errors": .array([])])
            )
        )
        #expect(finding.kind == .alwaysEmptyArray)
        #expect(finding.subject == "errors")
    }

    @Test func membersOfAnArrayProductionOnlySentEmptyAreNoEvidence() {
        #expect(
            Self.findings(production: .object(["errors": .array([])]), simulator: .object(["errors": .array([.object(["code": .number(1)])])]))
                .isEmpty
        )
    }

    @Test func aRedactedValueAgreesWithAnyType() {
        #expect(
            Self.findings(
                production: .object(["access_token": .string("<redacted:access_token:1>")]),
                simulator: .object(["access_token": .number(1)])
            )
            .isEmpty
        )
    }

    @Test func pathsAreCountedPerAnswer() throws {
        let shape = Self.shape(
            .object(["items": .array([.object(["id": .string("1")]), .object(["id": .string("2")])])]),
            .object(["items": .array([])])
        )
        let items = try #require(shape.paths["items[].id"])
        #expect(items.answers == 1)
        #expect(items.kinds[.string] == 2)
        #expect(shape.paths["items"]?.emptyArrays == 1)
        #expect(shape.paths["items"]?.nonEmptyArrays == 1)
    }
}
