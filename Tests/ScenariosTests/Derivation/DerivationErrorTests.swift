import Foundation
import Scenarios
import Testing

/// Input the derivation cannot use is refused with an error that says what and where.
@Suite("Scenario derivation: errors and limits")
struct DerivationErrorTests {
    typealias Fixture = RecordingFixture

    @Test func noCassetteIsAnError() {
        #expect(throws: DerivationError.noCassettes) { try ScenarioDerivation.derive(from: []) }
    }

    @Test func aRecordingWithoutAGetAuthorizedShopsAnswerHasNothingToDerive() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.product("1001"))
            #expect(throws: DerivationError.noShops(interactions: 1, reasons: [])) { try ScenarioDerivation.derive(from: [cassette]) }
            #expect(DerivationError.noShops(interactions: 1, reasons: []).description.contains("GET /authorization/202309/shops"))
        }
    }

    @Test func aShopInAMarketWithoutACatalogueIsLeftOutAndNamedInTheError() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops("{id: '7495000000000000009', region: MY, cipher: GCP_my}"))
            let error = #expect(throws: DerivationError.self) { try ScenarioDerivation.derive(from: [cassette]) }
            guard case .noShops(_, let reasons)? = error else {
                Issue.record("expected noShops, got \(String(describing: error))")
                return
            }
            #expect(reasons.contains { $0.contains("its market has no catalogue") })
        }
    }

    @Test func inputOverTheLimitsIsRefusedBeforeItIsRead() throws {
        try Fixture.with { fixture in
            let cassette = try fixture.cassette(Fixture.shops(Fixture.gbShop), Fixture.product("1001"))
            #expect(throws: DerivationError.tooManyInteractions(count: 2, limit: 1)) {
                try ScenarioDerivation.derive(from: [cassette], options: .init(limits: .init(maximumInteractions: 1)))
            }
            #expect(throws: DerivationError.tooManyCassettes(count: 2, limit: 1)) {
                try ScenarioDerivation.derive(from: [cassette, cassette], options: .init(limits: .init(maximumCassettes: 1)))
            }
        }
    }

    @Test func aScenarioGivenAsARecordingIsNotACassette() throws {
        try Fixture.with { fixture in
            let url = fixture.folder.appendingPathComponent("shop.yaml")
            try "name: my-shop\nshops: []\n".write(to: url, atomically: true, encoding: .utf8)
            let error = #expect(throws: DiagnosticError.self) { try Cassette.loadRecording(contentsOf: url) }
            #expect(error?.description.contains("shop.yaml:1:1: error: not a cassette") == true, "\(String(describing: error))")
        }
    }

    @Test func aBrokenCassetteKeepsItsFileLineColumnDiagnostics() throws {
        try Fixture.with { fixture in
            let url = fixture.folder.appendingPathComponent("broken.yaml")
            try "format: 1\ninteractions:\n  - request: {method: GET, path: /x}\n    response: {status: many}\n".write(
                to: url,
                atomically: true,
                encoding: .utf8
            )
            let error = #expect(throws: DiagnosticError.self) { try Cassette.loadRecording(contentsOf: url) }
            #expect(error?.description.contains("broken.yaml:4:") == true, "\(String(describing: error))")
        }
    }
}
