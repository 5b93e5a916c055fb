import Foundation
import Testing

@testable import Scenarios

/// A JSON Schema under `docs/schema/`, read for its property names.
struct SchemaFile {
    let root: JSONValue

    init(_ name: String) {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/schema/\(name)")
        let data = (try? Data(contentsOf: url)) ?? Data()
        self.root = (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null
    }

    /// The property names of the object at a path of `properties` / `items` / `additionalProperties` steps.
    func keys(_ path: [String]) -> Set<String> {
        var node: JSONValue? = root
        for step in path { node = node?[step] }
        return Set(node?["properties"]?.object?.keys ?? [:].keys)
    }

    /// The keys a loader type reads.
    static func names<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> Set<String> {
        Set(Keys.allCases.map(\.stringValue))
    }
}

/// `docs/schema/scenario.schema.json` (for editors) names exactly the keys the loader reads.
@Suite("Scenario JSON Schema")
struct ScenarioSchemaTests {
    @Test func everyObjectListsTheLoadersKeys() throws {
        let schema = SchemaFile("scenario.schema.json")
        try #require(schema.root != .null)

        #expect(schema.keys([]) == SchemaFile.names(ScenarioFile.CodingKeys.self))
        #expect(schema.keys(["properties", "clock"]) == SchemaFile.names(ScenarioFile.Clock.CodingKeys.self))
        #expect(schema.keys(["properties", "app"]) == SchemaFile.names(AppCredentials.CodingKeys.self))
        #expect(schema.keys(["properties", "access_tokens", "items"]) == SchemaFile.names(AccessToken.CodingKeys.self))
        #expect(schema.keys(["properties", "shops", "items"]) == SchemaFile.names(Shop.CodingKeys.self))
        #expect(schema.keys(["properties", "products", "items"]) == SchemaFile.names(ProductEntry.CodingKeys.self))
        #expect(schema.keys(["properties", "market_policy", "additionalProperties"]) == SchemaFile.names(MarketPolicy.CodingKeys.self))
        #expect(schema.keys(["properties", "upgrade"]) == SchemaFile.names(UpgradeBehaviour.CodingKeys.self))
        #expect(
            schema.keys(["properties", "upgrade", "properties", "failures", "items"]) == SchemaFile.names(UpgradeBehaviour.Failure.CodingKeys.self)
        )
        #expect(schema.keys(["properties", "audit"]) == SchemaFile.names(AuditBehaviour.CodingKeys.self))
        #expect(schema.keys(["properties", "audit", "properties", "failures", "items"]) == SchemaFile.names(AuditBehaviour.Failure.CodingKeys.self))
        #expect(schema.keys(["properties", "webhooks"]) == SchemaFile.names(WebhookBehaviour.CodingKeys.self))
        #expect(schema.keys(["properties", "gateway"]) == SchemaFile.names(GatewayPolicy.CodingKeys.self))
        #expect(schema.keys(["properties", "stubs", "items"]) == SchemaFile.names(StubEntry.CodingKeys.self))
        #expect(schema.keys(["properties", "stubs", "items", "properties", "match"]) == SchemaFile.names(Stub.Match.CodingKeys.self))
        #expect(schema.keys(["properties", "stubs", "items", "properties", "respond"]) == SchemaFile.names(Stub.Response.CodingKeys.self))
        #expect(schema.keys(["properties", "expect", "items"]) == SchemaFile.names(ExpectationEntry.CodingKeys.self))
        #expect(schema.keys(["properties", "expect", "items", "properties", "ends_in"]) == SchemaFile.names(EndStateEntry.CodingKeys.self))
        let anchor = schema.root["$defs"]?["anchor"]?["oneOf"]?[2]?["properties"]?.object?.keys
        #expect(Set(anchor ?? [:].keys) == SchemaFile.names(AnchorEntry.CodingKeys.self))
    }
}

/// `docs/schema/cassette.schema.json` names exactly the keys the cassette loader reads.
@Suite("Cassette JSON Schema")
struct CassetteSchemaTests {
    @Test func everyObjectListsTheLoadersKeys() throws {
        let schema = SchemaFile("cassette.schema.json")
        try #require(schema.root != .null)
        let interaction = ["properties", "interactions", "items"]

        #expect(schema.keys([]) == SchemaFile.names(CassetteFile.CodingKeys.self))
        #expect(schema.keys(["properties", "recorded"]) == SchemaFile.names(RecordingEntry.CodingKeys.self))
        #expect(schema.keys(["$defs", "matchRule"]) == SchemaFile.names(MatchRuleEntry.CodingKeys.self))
        #expect(schema.keys(interaction) == SchemaFile.names(CassetteFile.InteractionEntry.CodingKeys.self))
        #expect(schema.keys(interaction + ["properties", "request"]) == SchemaFile.names(RequestEntry.CodingKeys.self))
        #expect(schema.keys(interaction + ["properties", "response"]) == SchemaFile.names(ResponseEntry.CodingKeys.self))
        #expect(schema.keys(["properties", "notifications", "items"]) == SchemaFile.names(CassetteFile.NotificationEntry.CodingKeys.self))
    }
}

/// The schema's closed sets are the API facts table's.
@Suite("Scenario JSON Schema and the API facts")
struct ScenarioSchemaFactsTests {
    @Test func stubOperationsAreTheOperationTable() throws {
        let schema = SchemaFile("scenario.schema.json")
        let operation = schema.root["properties"]?["stubs"]?["items"]?["properties"]?["match"]?["properties"]?["operation"]
        let names = try #require(operation?["enum"]?.array).compactMap(\.string)
        #expect(names == APIOperation.all.map(\.id))
    }

    @Test func expectationsNameTheTablesOperationsEventKindsAndWebhookTypes() throws {
        let schema = SchemaFile("scenario.schema.json")
        let calls = schema.root["properties"]?["expect"]?["items"]?["properties"]?["calls"]?["enum"]
        #expect(try #require(calls?.array).compactMap(\.string) == APIOperation.all.map(\.id))
        let kinds = schema.root["$defs"]?["eventKind"]?["enum"]
        #expect(try #require(kinds?.array).compactMap(\.string) == ShopEventKind.all.map(\.rawValue))
        let types = schema.root["$defs"]?["webhookType"]?["enum"]
        #expect(try #require(types?.array).compactMap(\.string) == WebhookType.all.map(\.name))
    }

    @Test func relaxableChecksAreTheGatewayChecks() throws {
        let schema = SchemaFile("scenario.schema.json")
        let relax = schema.root["properties"]?["gateway"]?["properties"]?["relax"]?["items"]?["enum"]
        let names = try #require(relax?.array).compactMap(\.string)
        #expect(names == GatewayCheck.allCases.map(\.rawValue))
    }
}
