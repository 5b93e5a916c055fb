import Foundation

/// Compares the shape of production's answers of one operation with the simulator's.
///
/// A difference under a path already reported (the members of a missing object, the elements
/// of an array one side always sends empty) is not reported again.
package enum ShapeComparison {
    package static func findings(production: JSONShape, simulator: JSONShape, examples: [String] = []) -> [DriftFinding] {
        guard production.answers > 0, simulator.answers > 0 else { return [] }
        var findings: [DriftFinding] = []
        var covered: [String] = []
        func isCovered(_ path: String) -> Bool {
            covered.contains { path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[]") }
        }
        func add(_ kind: DriftFinding.Kind, _ path: String, _ production: String, _ simulator: String) {
            findings.append(DriftFinding(kind: kind, subject: path, production: production, simulator: simulator, examples: examples))
        }

        for path in production.paths.keys.sorted() where !isCovered(path) {
            let seen = production.paths[path]!
            guard let here = simulator.paths[path] else {
                add(.missingField, path, describe(seen, of: production), "never sent")
                covered.append(path)
                continue
            }
            if let (kind, there, ours) = typeDifference(production: seen, simulator: here) {
                add(kind, path, there, ours)
                covered.append(path)
                continue
            }
            if here.nonEmptyArrays == 0, here.emptyArrays > 0, seen.nonEmptyArrays > 0, seen.emptyArrays == 0 {
                add(.alwaysEmptyArray, path, "never empty (\(seen.nonEmptyArrays) arrays)", "always empty (\(here.emptyArrays) arrays)")
                covered.append(path)
                continue
            }
            if seen.looksLikeEnum, here.looksLikeEnum {
                let unseen = seen.values.keys.filter { here.values[$0] == nil }.sorted()
                if !unseen.isEmpty {
                    add(.enumValue, path, unseen.joined(separator: ", "), "only " + here.values.keys.sorted().joined(separator: ", "))
                }
            }
        }
        for path in simulator.paths.keys.sorted() where production.paths[path] == nil && !isCovered(path) {
            // Members of an array production only ever sent empty were never shown there: no evidence.
            if let parent = arrayParent(of: path), let array = production.paths[parent], array.nonEmptyArrays == 0 { continue }
            add(.extraField, path, "never sent", describe(simulator.paths[path]!, of: simulator))
            covered.append(path)
        }
        return findings
    }

    /// The array path holding `path`'s element, if it is inside one: `data.items` for `data.items[].id`.
    private static func arrayParent(of path: String) -> String? {
        guard let range = path.range(of: "[]", options: .backwards) else { return nil }
        return String(path[..<range.lowerBound])
    }

    private static func typeDifference(production: PathStatistics, simulator: PathStatistics) -> (DriftFinding.Kind, String, String)? {
        let there = production.typedKinds
        let here = simulator.typedKinds
        guard !there.isEmpty, !here.isEmpty, there != here else { return nil }
        let describeThere = kinds(production)
        let describeHere = kinds(simulator)
        if there == [.string], here == [.number], production.numericStrings == production.strings {
            return (.numberAsString, "a number as a string (\(example(production)))", describeHere)
        }
        if there == [.number], here == [.string], simulator.numericStrings == simulator.strings {
            return (.stringAsNumber, describeThere, "a number as a string (\(example(simulator)))")
        }
        return (.type, describeThere, describeHere)
    }

    private static func example(_ statistics: PathStatistics) -> String {
        statistics.values.keys.sorted().first.map { "\"\($0)\"" } ?? "string"
    }

    private static func kinds(_ statistics: PathStatistics) -> String {
        statistics.kinds.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) ×\($0.value)" }.joined(separator: ", ")
    }

    private static func describe(_ statistics: PathStatistics, of shape: JSONShape) -> String {
        let kinds = statistics.typedKinds.sorted().map(\.rawValue).joined(separator: " or ")
        return "\(kinds.isEmpty ? "null" : kinds) in \(statistics.answers) of \(shape.answers) answers"
    }
}
