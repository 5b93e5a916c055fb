/// Finds the operation a method and path name, without scanning the whole table.
package struct OperationRouter: Sendable {
    /// What a lookup found.
    package enum Match: Sendable {
        /// The operation and the values of its path placeholders.
        case operation(APIOperation, pathParameters: [String: String])
        /// A known path asked with a method it does not accept.
        case wrongMethod(allowed: [String])
        /// A known path with a version segment that does not exist.
        case wrongVersion
        /// No known path.
        case unknownPath
    }

    private struct Route: Sendable {
        var operation: APIOperation
        var segments: [Substring]
    }

    /// Where routes are filed: their segment count and the segment after the version
    /// (`products` in `/product/202309/products/{product_id}`), literal in every template.
    private struct Key: Hashable {
        var count: Int
        var resource: Substring
    }

    /// Routes grouped by key; each group holds a handful of routes, literal paths before
    /// placeholders, so that `POST .../products/activate` is not read as a product id.
    private let routes: [Key: [Route]]
    /// The operations of templates without placeholders, by their path as written: a request
    /// that names one exactly is routed with one lookup.
    private let literal: [String: [APIOperation]]

    package init(operations: [APIOperation] = APIOperation.all) {
        var groups: [Key: [Route]] = [:]
        var literal: [String: [APIOperation]] = [:]
        for operation in operations {
            let segments = operation.pathTemplate.split(separator: "/")
            groups[Self.key(segments), default: []].append(Route(operation: operation, segments: segments))
            if !segments.contains(where: Self.isPlaceholder) { literal[operation.pathTemplate, default: []].append(operation) }
        }
        self.literal = literal
        self.routes = groups.mapValues { group in
            group.sorted { $0.segments.filter(Self.isPlaceholder).count < $1.segments.filter(Self.isPlaceholder).count }
        }
    }

    private static func key(_ segments: [Substring]) -> Key {
        Key(count: segments.count, resource: segments.count > 2 ? segments[2] : "")
    }

    private static func isPlaceholder(_ segment: Substring) -> Bool {
        segment.first == "{" && segment.last == "}"
    }

    package func match(method: String, path: String) -> Match {
        // A literal path has no placeholder to read: the route filed under it, as the lookup
        // below would find it first.
        if let operation = literal[path]?.first(where: { $0.method == method }) { return .operation(operation, pathParameters: [:]) }
        // Split on the byte of `/`, which is ASCII: no Character needs forming.
        let segments = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true).map(Substring.init)
        let candidates = routes[Self.key(segments)] ?? []
        var allowed: [String] = []
        for route in candidates {
            guard let parameters = Self.parameters(of: route.segments, matching: segments, ignoringVersion: false) else { continue }
            if route.operation.method == method {
                return .operation(route.operation, pathParameters: parameters)
            }
            allowed.append(route.operation.method)
        }
        if !allowed.isEmpty { return .wrongMethod(allowed: allowed) }
        if candidates.contains(where: { Self.parameters(of: $0.segments, matching: segments, ignoringVersion: true) != nil }) {
            return .wrongVersion
        }
        return .unknownPath
    }

    /// The placeholder values when `segments` fit `template`; the second segment is the
    /// version (`/product/202309/...`), which `ignoringVersion` lets through when it is digits.
    private static func parameters(of template: [Substring], matching segments: [Substring], ignoringVersion: Bool) -> [String: String]? {
        var parameters: [String: String] = [:]
        for (index, (expected, actual)) in zip(template, segments).enumerated() {
            if isPlaceholder(expected) {
                parameters[String(expected.dropFirst().dropLast())] = String(actual)
            } else if ignoringVersion && index == 1 && actual.allSatisfy(\.isNumber) {
                continue
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }
}
