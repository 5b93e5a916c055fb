import Foundation
import Yams

extension Cassette {
    /// The cassette as YAML, in the order people read it: metadata, then each interaction's
    /// request, its matching rule when it has one, and its response. JSON bodies are written as
    /// YAML with sorted keys; strings that would read back as another type are quoted.
    public func yaml() -> String {
        yaml(interactionTexts: interactions.map(Self.yamlText))
    }

    /// The cassette as YAML, its interactions given as ``yamlText(_:)`` wrote them: a recording
    /// writes each exchange once, not the whole cassette again after each one.
    package func yaml(interactionTexts: [String]) -> String {
        precondition(interactionTexts.count == interactions.count, "one text for each interaction")
        var root: [(String, Node)] = [("format", Node(String(Self.formatVersion)))]
        if !description.isEmpty { root.append(("description", Self.text(description))) }
        var recorded: [(String, Node)] = []
        if let at = recording.at { recorded.append(("at", Self.text(ScenarioInstant.format(at)))) }
        if let from = recording.from { recorded.append(("from", Self.text(from))) }
        if let with = recording.with { recorded.append(("with", Self.text(with))) }
        if !recorded.isEmpty { root.append(("recorded", Self.mapping(recorded))) }
        if repeatPolicy != .last { root.append(("repeat", Node(repeatPolicy.rawValue))) }
        if let rule = Self.node(match) { root.append(("match", rule)) }
        var text = "# A tts-replay cassette; the format is described in docs/cassettes.md.\n" + Self.serialized(Self.mapping(root))
        text += Self.blockSequence("interactions", items: interactionTexts)
        if !notifications.isEmpty {
            text += Self.blockSequence("notifications", items: notifications.map { Self.item(Self.node($0)) })
        }
        return text
    }

    /// An interaction as an item of the cassette's `interactions` sequence, as ``yaml()`` writes it.
    package static func yamlText(_ interaction: Interaction) -> String {
        item(node(interaction))
    }

    /// A key of the root mapping whose value is a block sequence: its items start at the
    /// key's column, as a whole cassette serialized at once writes them.
    private static func blockSequence(_ key: String, items: [String]) -> String {
        items.isEmpty ? "\(key): []\n" : "\(key):\n" + items.joined()
    }

    /// A node as one item of a block sequence: `- ` and the node, its lines indented under it.
    private static func item(_ node: Node) -> String {
        serialized(Node.sequence(Node.Sequence([node])))
    }

    private static func serialized(_ node: Node) -> String {
        (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
    }

    private static func node(_ interaction: Interaction) -> Node {
        let request = interaction.request
        var requestNode: [(String, Node)] = [("method", text(request.method)), ("path", text(request.path))]
        if !request.query.isEmpty { requestNode.append(("query", strings(request.query))) }
        if !request.headers.isEmpty { requestNode.append(("headers", strings(request.headers))) }
        requestNode += body(request.body)
        var pairs: [(String, Node)] = [("request", mapping(requestNode))]
        if let rule = node(interaction.match) { pairs.append(("match", rule)) }
        let response = interaction.response
        var responseNode: [(String, Node)] = [("status", Node(String(response.status)))]
        if !response.headers.isEmpty { responseNode.append(("headers", strings(response.headers))) }
        responseNode += body(response.body)
        pairs.append(("response", mapping(responseNode)))
        return mapping(pairs)
    }

    private static func node(_ notification: Notification) -> Node {
        var pairs: [(String, Node)] = []
        if !notification.headers.isEmpty { pairs.append(("headers", strings(notification.headers))) }
        return mapping(pairs + body(notification.body))
    }

    private static func node(_ rule: MatchRule) -> Node? {
        var pairs: [(String, Node)] = []
        if !rule.ignore.isEmpty { pairs.append(("ignore", Node.sequence(Node.Sequence(rule.ignore.map { text($0.description) })))) }
        if rule.ignoreArrayOrder { pairs.append(("ignore_array_order", Node("true"))) }
        return pairs.isEmpty ? nil : mapping(pairs)
    }

    private static func body(_ body: Body) -> [(String, Node)] {
        switch body {
        case .none: []
        case .json(let value): [("body", node(value))]
        case .text(let raw): [("body_text", text(raw))]
        }
    }

    /// A JSON value as YAML: objects with sorted keys, strings quoted when they would read as another type.
    static func node(_ value: JSONValue) -> Node {
        switch value {
        case .null: Node("null")
        case .bool(let flag): Node(flag ? "true" : "false")
        case .number(let number):
            if number.rounded() == number, abs(number) < 9e15 {
                Node(String(Int64(number)))
            } else {
                Node.scalar(number.represented())
            }
        case .string(let string): text(string)
        case .array(let elements): Node.sequence(Node.Sequence(elements.map(node)))
        case .object(let members): mapping(members.sorted { $0.key < $1.key }.map { ($0.key, node($0.value)) })
        }
    }

    private static func text(_ string: String) -> Node {
        Node.scalar(string.represented())
    }

    private static func strings(_ values: [String: String]) -> Node {
        mapping(values.sorted { $0.key < $1.key }.map { ($0.key, text($0.value)) })
    }

    private static func mapping(_ pairs: [(String, Node)]) -> Node {
        Node.mapping(Node.Mapping(pairs.map { (text($0.0), $0.1) }))
    }
}
