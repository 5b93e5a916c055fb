/// What a leaf category requires of a product: its attributes and rules, as Get Attributes and
/// Get Category Rules serve them, and the title keywords Recommend Category matches.
public struct LeafDetails: Sendable, Hashable {
    /// The profile the leaf shares its attributes and rules with (`apparel`, `electronics`, ...).
    public var profile: String
    /// Lower-case words a product title for this leaf contains, in the market's language.
    public var keywords: [String]
    /// The items of Get Attributes' `data.attributes`, as written in the catalogue.
    public var attributes: [JSONValue]
    /// Get Category Rules' `data`, as written in the catalogue.
    public var rules: JSONValue

    /// The attributes whose (misspelled, as in the API) `is_requried` is true: (id, name).
    public var requiredAttributes: [(id: String, name: String)] {
        attributes.compactMap { attribute in
            guard attribute["is_requried"]?.bool == true, let id = attribute["id"]?.string else { return nil }
            return (id, attribute["name"]?.string ?? id)
        }
    }

    /// The certifications the rules mark required: (id, name).
    public var requiredCertifications: [(id: String, name: String)] {
        (rules["product_certifications"]?.array ?? []).compactMap { certification in
            guard certification["is_required"]?.bool == true, let id = certification["id"]?.string else { return nil }
            return (id, certification["name"]?.string ?? id)
        }
    }

    /// Whether the rules require a size chart.
    public var requiresSizeChart: Bool { rules["size_chart"]?["is_required"]?.bool == true }

    /// Whether the rules require package dimensions.
    public var requiresPackageDimensions: Bool { rules["package_dimension"]?["is_required"]?.bool == true }
}
