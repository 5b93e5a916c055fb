package import Scenarios

/// The shape of a set of JSON answers: the union of their paths, with how often each appears,
/// the kinds of value it held, its string values and whether its arrays were empty.
///
/// Paths name members with dots and array elements with `[]`: `data.products[].skus[].id`.
/// The cost is linear in the size of the answers; at most ``pathLimit`` distinct paths are kept
/// per shape (the rest are counted in ``droppedPaths``), and at most ``valueLimit`` distinct
/// string values per path.
package struct JSONShape: Sendable, Hashable {
    /// The most distinct paths kept.
    package static let pathLimit = 10_000
    /// The most distinct string values kept per path.
    package static let valueLimit = 64

    /// How many answers were added.
    package private(set) var answers = 0
    /// The statistics of every path seen.
    package private(set) var paths: [String: PathStatistics] = [:]
    /// How many distinct paths were not kept, past ``pathLimit``.
    package private(set) var droppedPaths = 0

    package init() {}

    /// Adds one answer's JSON.
    package mutating func add(_ value: JSONValue) {
        answers += 1
        var seen: Set<String> = []
        visit(value, at: "", seen: &seen)
        for path in seen { paths[path]?.answers += 1 }
    }

    private mutating func visit(_ value: JSONValue, at path: String, seen: inout Set<String>) {
        if !path.isEmpty { record(value, at: path, seen: &seen) }
        switch value {
        case .object(let members):
            for (key, member) in members { visit(member, at: path.isEmpty ? key : path + "." + key, seen: &seen) }
        case .array(let elements):
            for element in elements { visit(element, at: path + "[]", seen: &seen) }
        default:
            break
        }
    }

    private mutating func record(_ value: JSONValue, at path: String, seen: inout Set<String>) {
        if paths[path] == nil {
            guard paths.count < Self.pathLimit else {
                droppedPaths += 1
                return
            }
            paths[path] = PathStatistics()
        }
        seen.insert(path)
        let kind = ValueKind(value)
        paths[path]!.kinds[kind, default: 0] += 1
        switch value {
        case .string(let text) where kind == .string:
            if Double(text) != nil { paths[path]!.numericStrings += 1 }
            if paths[path]!.values[text] != nil || paths[path]!.values.count < Self.valueLimit {
                paths[path]!.values[text, default: 0] += 1
            } else {
                paths[path]!.valuesOverflowed = true
            }
        case .array(let elements):
            if elements.isEmpty { paths[path]!.emptyArrays += 1 } else { paths[path]!.nonEmptyArrays += 1 }
        default:
            break
        }
    }
}
