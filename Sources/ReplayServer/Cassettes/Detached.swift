import Scenarios

// Copies in storage of their own. The cassette index keeps what it needs of a loaded cassette
// this way, so the cassette's model can be freed as one block once indexed, instead of leaving
// holes between the parts the index still points into (memory the process cannot give back).

extension String {
    /// The same text in a buffer of its own, exactly its size (small strings stay inline).
    func detached() -> String {
        let count = utf8.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(fromContentsOf: utf8)
            return count
        }
    }
}

extension JSONValue {
    /// The same value with every string and container in storage of its own.
    func detached() -> JSONValue {
        switch self {
        case .null, .bool, .number: self
        case .string(let text): .string(text.detached())
        case .array(let elements): .array(elements.map { $0.detached() })
        case .object(let members): .object(Dictionary(uniqueKeysWithValues: members.map { ($0.key.detached(), $0.value.detached()) }))
        }
    }
}

extension Cassette.RecordedRequest {
    /// The same request with every string and container in storage of its own.
    func detached() -> Cassette.RecordedRequest {
        Cassette.RecordedRequest(
            method: method.detached(),
            path: path.detached(),
            query: Dictionary(uniqueKeysWithValues: query.map { ($0.key.detached(), $0.value.detached()) }),
            headers: Dictionary(uniqueKeysWithValues: headers.map { ($0.key.detached(), $0.value.detached()) }),
            body: body.detached()
        )
    }
}

extension Cassette.Body {
    /// The same body in storage of its own.
    func detached() -> Cassette.Body {
        switch self {
        case .none: .none
        case .json(let value): .json(value.detached())
        case .text(let text): .text(text.detached())
        }
    }
}
