import Foundation
import Testing

@testable import Scenarios

/// `docs/schema/scenario.schema.json` (for editors) names exactly the keys the loader reads.
@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    static let schema: JSONValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/schema/scenario.schema.json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null
    }()

    /// The property names of the object at a path of `properties` / `items` / `additionalProperties` steps.
    static func keys(_ path: [String]) -> Set<String> {
        var node: JSONValue? = schema
        for step in path { node = node?[step] }
        return Set(node?["properties"]?.object?.keys ?? [:].keys)
    }

    static func names<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> Set<String> {
        Set(Keys.allCases.map(\.stringValue))
    }

    @Test func everyObjectListsTheLoadersKeys() throws {
        try #require(Self.schema != .null)
        #expect(Self.keys([]) == Self.names(ScenarioFile.CodingKeys.self))
        #expect(Self.keys(["properties", "clock"]) == Self.names(ScenarioFile.Clock.CodingKeys.self))
        #expect(Self.keys(["properties", "app"]) == Self.names(AppCredentials.CodingKeys.self))
        #expect(Self.keys(["properties", "access_tokens", "items"]) == Self.names(AccessToken.CodingKeys.self))
        #expect(Self.keys(["properties", "shops", "items"]) == Self.names(Shop.CodingKeys.self))
        #expect(Self.keys(["properties", "products", "items"]) == Self.names(ProductEntry.CodingKeys.self))
        #expect(Self.keys(["properties", "market_policy", "additionalProperties"]) == Self.names(MarketPolicy.CodingKeys.self))
        #expect(Self.keys(["properties", "upgrade"]) == Self.names(UpgradeBehaviour.CodingKeys.self))
        #expect(Self.keys(["properties", "upgrade", "properties", "failures", "items"]) == Self.names(UpgradeBehaviour.Failure.CodingKeys.self))
        #expect(Self.keys(["properties", "webhooks"]) == Self.names(WebhookBehaviour.CodingKeys.self))
        #expect(Self.keys(["properties", "gateway"]) == Self.names(GatewayPolicy.CodingKeys.self))
        #expect(Self.keys(["properties", "stubs", "items"]) == Self.names(StubEntry.CodingKeys.self))
        #expect(Self.keys(["properties", "stubs", "items", "properties", "match"]) == Self.names(Stub.Match.CodingKeys.self))
        #expect(Self.keys(["properties", "stubs", "items", "properties", "respond"]) == Self.names(Stub.Response.CodingKeys.self))
    }
}

/// `docs/schema/cassette.schema.json` names exactly the keys the cassette loader reads.
@Suite("Cassette JSON Schema")
struct CassetteSchemaTests {
    static let schema: JSONValue = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/schema/cassette.schema.json")
        let data = (try? Data(contentsOf: url)) ?? Data()
        return (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null
    }()

    static func keys(_ path: [String]) -> Set<String> {
        var node: JSONValue? = schema
        for step in path { node = node?[step] }
        return Set(node?["properties"]?.object?.keys ?? [:].keys)
    }

    @Test func everyObjectListsTheLoadersKeys() throws {
        try #require(Self.schema != .null)
        let interaction = ["properties", "interactions", "items"]
        func names<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> Set<String> { ScenarioSchemaTests.names(keys) }
        #expect(Self.keys([]) == names(CassetteFile.CodingKeys.self))
        #expect(Self.keys(["properties", "recorded"]) == names(RecordingEntry.CodingKeys.self))
        #expect(Self.keys(["$defs", "matchRule"]) == names(MatchRuleEntry.CodingKeys.self))
        #expect(Self.keys(interaction) == names(CassetteFile.InteractionEntry.CodingKeys.self))
        #expect(Self.keys(interaction + ["properties", "request"]) == names(RequestEntry.CodingKeys.self))
        #expect(Self.keys(interaction + ["properties", "response"]) == names(ResponseEntry.CodingKeys.self))
    }
}
