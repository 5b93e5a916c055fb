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

    /// Whether every string value seen looks like an enum value: few distinct upper-case words
    /// joined by `_` (`ACTIVATE`, `PRODUCT_CATEGORY_CHANGE`) or a version (`v2`). Codes and ids
    /// (`GBLC9LGMXG9E`) hold digits, so they are not taken for enums.
    package var looksLikeEnum: Bool {
        !valuesOverflowed && !values.isEmpty && values.count <= 24
            && values.keys.allSatisfy { value in
                Self.isVersion(value)
                    || (value.utf8.count <= 48 && value.first?.isLetter == true && value.allSatisfy { $0.isASCII && ($0.isUppercase || $0 == "_") })
            }
    }

    private static func isVersion(_ value: String) -> Bool {
        value.count <= 4 && value.first == "v" && value.dropFirst().allSatisfy(\.isNumber) && value.count > 1
    }
}
