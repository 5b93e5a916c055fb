import Scenarios

/// The members of an admin request's JSON body, read by type: a member that is present with
/// the wrong type, or with a number the endpoint cannot use, is an ``AdminError`` (400) that
/// names it, never ignored and never a crash. An absent member is nil.
extension JSONValue {
    /// The member `name` as a string. `path` names the object in the error (`journal.`).
    func adminString(_ name: String, path: String = "") throws(AdminError) -> String? {
        guard let member = self[name] else { return nil }
        guard let text = member.string else { throw AdminError(error: "\(path)\(name) must be a string, not \(member.adminText)") }
        return text
    }

    /// The member `name` as a number, within `range` when one is given; `unit` follows the
    /// bounds in the error.
    func adminNumber(
        _ name: String,
        within range: ClosedRange<Double>? = nil,
        unit: String = "",
        path: String = ""
    ) throws(AdminError)
        -> Double?
    {
        guard let member = self[name] else { return nil }
        guard let number = member.number, range?.contains(number) ?? true else {
            let bounds = range.map { " from \(Self.text($0.lowerBound)) to \(Self.text($0.upperBound))\(unit)" } ?? ""
            throw AdminError(error: "\(path)\(name) must be a number\(bounds), not \(member.adminText)")
        }
        return number
    }

    /// The member `name` as a whole number within `range` (at most 2^53 in size, where a JSON
    /// number is still exact).
    func adminInteger(_ name: String, within range: ClosedRange<Int64>, path: String = "") throws(AdminError) -> Int64? {
        guard let member = self[name] else { return nil }
        guard let number = member.number, number.rounded() == number, abs(number) <= 9_007_199_254_740_992,
            range.contains(Int64(number))
        else {
            throw AdminError(error: "\(path)\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(member.adminText)")
        }
        return Int64(number)
    }

    /// Refuses a body with a member the endpoint does not take (a typo such as `jornal` would
    /// otherwise be ignored, and its caller believe it was heard).
    func adminRefusingUnknownMembers(_ known: [String], endpoint: String) throws(AdminError) {
        guard let unknown = object?.keys.sorted().first(where: { !known.contains($0) }) else { return }
        let takes = known.isEmpty ? "it takes no body" : "it takes \(known.joined(separator: ", "))"
        throw AdminError(error: "\(endpoint) takes no field '\(unknown)'; \(takes)")
    }

    /// The value as the error shows it: a number or string as written, else its kind.
    private var adminText: String {
        if let number { return Self.text(number) }
        if let string { return "'\(string.prefix(64))'" }
        if let bool { return "\(bool)" }
        if object != nil { return "an object" }
        if array != nil { return "an array" }
        return "null"
    }

    private static func text(_ number: Double) -> String {
        number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : "\(number)"
    }
}
