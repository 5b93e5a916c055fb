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

    /// An attribute that is required only when another attribute has a given value
    /// (Get Attributes' `requirement_conditions`, condition type `VALUE_ID_MATCH`).
    public struct ConditionalAttribute: Sendable, Hashable {
        /// One condition: the attribute is required when `attributeID` has the value `valueID`.
        public struct Condition: Sendable, Hashable {
            /// The attribute whose value is looked at.
            public var attributeID: String
            /// The value that makes the attribute required.
            public var valueID: String
        }

        /// The attribute id.
        public var id: String
        /// The attribute name.
        public var name: String
        /// The conditions; any one that holds makes the attribute required.
        public var conditions: [Condition]
    }

    /// The attributes that are required under conditions (not `is_requried`).
    public var conditionalAttributes: [ConditionalAttribute] {
        attributes.compactMap { attribute in
            guard let id = attribute["id"]?.string, attribute["is_requried"]?.bool != true else { return nil }
            let conditions = (attribute["requirement_conditions"]?.array ?? []).compactMap { condition -> ConditionalAttribute.Condition? in
                guard condition["condition_type"]?.string == "VALUE_ID_MATCH", let parent = condition["attribute_id"]?.string,
                    let value = condition["attribute_value_id"]?.string
                else { return nil }
                return .init(attributeID: parent, valueID: value)
            }
            return conditions.isEmpty ? nil : ConditionalAttribute(id: id, name: attribute["name"]?.string ?? id, conditions: conditions)
        }
    }

    /// Whether the rules require a manufacturer (`manufacturer_ids`).
    public var requiresManufacturer: Bool { rules["manufacturer"]?["is_required"]?.bool == true }

    /// Whether the rules require a responsible person (`responsible_person_ids`).
    public var requiresResponsiblePerson: Bool { rules["responsible_person"]?["is_required"]?.bool == true }

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
