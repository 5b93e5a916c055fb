/// What the answers of one operation held at one path of their JSON.
package struct PathStatistics: Sendable, Hashable {
    /// How many answers held the path at least once.
    package var answers = 0
    /// The values seen, counted by kind.
    package var kinds: [ValueKind: Int] = [:]
    /// How many string values read as a number (`"1729..."`, `"12.50"`).
    package var numericStrings = 0
    /// The distinct string values seen, with their counts; at most ``JSONShape/valueLimit``.
    package var values: [String: Int] = [:]
    /// Whether more distinct string values came than ``values`` keeps.
    package var valuesOverflowed = false
    /// How many arrays at the path were empty, and how many were not.
    package var emptyArrays = 0
    package var nonEmptyArrays = 0

    /// The kinds seen, leaving out `null` and redacted values, which say nothing of the type.
    package var typedKinds: Set<ValueKind> {
        Set(kinds.keys.filter { $0 != .null && $0 != .redacted })
    }

    /// How many string values came.
    package var strings: Int { kinds[.string] ?? 0 }

    /// Whether every string value seen looks like an enum value: an identifier such as
    /// `ACTIVATE`, `PRODUCT_CATEGORY_CHANGE` or `v2`, and few distinct ones.
    package var looksLikeEnum: Bool {
        !valuesOverflowed && !values.isEmpty && values.count <= 24
            && values.keys.allSatisfy { value in
                value.utf8.count <= 48 && value.first?.isLetter == true
                    && value.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
                    || ["v1", "v2"].contains(value)
            }
    }
}
