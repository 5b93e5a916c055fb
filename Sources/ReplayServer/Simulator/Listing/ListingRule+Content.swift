import Scenarios

/// The rules on what a draft's fields hold: enums, lengths, each SKU's price, stock, seller
/// SKU and variants, and each attribute's values against Get Attributes of the leaf.
///
/// The reference gives these rules (section 3.6 and the SDK's `CreateProductRequest`) but no
/// code for them, so each answers 98001004 with its documented text, naming the field.
extension ListingRule {
    /// The enums and lengths of Create Product's body (reference section 3.6; the description's
    /// 10,000 characters from the SDK).
    static let fieldFormats = ListingRule("fields.format", codes: [98001004], needsLeaf: false) { subject in
        let draft = subject.draft
        var findings: [ListingFinding] = []
        func check(_ field: String, _ value: String?, in allowed: [String]) {
            guard let value, !allowed.contains(value) else { return }
            findings.append(.invalid(field, "'\(value)' is not one of its values", expected: allowed.joined(separator: ", ")))
        }
        check("save_mode", draft.saveMode, in: ["AS_DRAFT", "LISTING"])
        check("package_weight.unit", draft.echoed["package_weight"]?["unit"]?.string, in: ["KILOGRAM", "GRAM", "POUND"])
        check("package_dimensions.unit", draft.echoed["package_dimensions"]?["unit"]?.string, in: ["CENTIMETER", "INCH"])
        for (index, platform) in (draft.listingPlatforms ?? []).enumerated() {
            check("listing_platforms[\(index)]", platform, in: ["TIKTOK_SHOP", "TOKOPEDIA"])
        }
        for (index, sku) in (draft.skus ?? []).enumerated() {
            check("skus[\(index)].identifier_code.type", sku.echoed["identifier_code"]?["type"]?.string, in: ["GTIN", "EAN", "UPC", "ISBN", "JAN"])
        }
        if let key = draft.idempotencyKey, key.count > 128 {
            findings.append(.invalid("idempotency_key", "it has \(key.count) characters", expected: "at most 128 characters"))
        }
        if let description = draft.description, description.count > 10_000 {
            findings.append(.invalid("description", "it has \(description.count) characters", expected: "at most 10,000 characters"))
        }
        return findings
    }

    /// A new SKU (every SKU of a create, one without an `id` in an edit, where the others keep
    /// theirs) has a price whose amount is a positive decimal, and stock in a warehouse.
    static let skuPriceAndStock = ListingRule("skus.price-and-stock", codes: [98001004], needsLeaf: false) { subject in
        var findings: [ListingFinding] = []
        for (index, sku) in (subject.draft.skus ?? []).enumerated() {
            let isNew = subject.creates || sku.id == nil
            if let amount = sku.price?.amount {
                if !isPositiveDecimal(amount) {
                    findings.append(
                        .invalid("skus[\(index)].price.amount", "'\(amount)' is not a price", expected: "a positive decimal such as 12.50")
                    )
                }
            } else if isNew {
                findings.append(.invalid("skus[\(index)].price.amount", "a new SKU has no price", expected: "a price with its currency and amount"))
            }
            if isNew, (sku.inventory ?? []).isEmpty {
                findings.append(.invalid("skus[\(index)].inventory", "a new SKU has no stock", expected: "a warehouse_id and a quantity"))
            }
        }
        return findings
    }

    /// The markets whose seller SKUs are 6 to 50 letters, digits, `_` and `-`; elsewhere 1 to
    /// 50 characters without spaces (reference section 3.6; the SDK's `seller_sku`).
    static let strictSellerSKUMarkets: Set<Region> = [.de, .es, .fr, .it, .pl, .nl, .be, .cz, .at, .gr, .pt, .hu]

    static let sellerSKU = ListingRule("skus.seller-sku", codes: [98001004], needsLeaf: false) { subject in
        let strict = strictSellerSKUMarkets.contains(subject.market.region)
        return (subject.draft.skus ?? []).enumerated().compactMap { index, sku in
            guard let code = sku.sellerSKU else { return nil }
            let field = "skus[\(index)].seller_sku"
            if strict {
                let allowed =
                    (6...50).contains(code.count)
                    && code.unicodeScalars.allSatisfy {
                        $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
                    }
                return allowed ? nil : .invalid(field, "'\(code)' does not fit this market", expected: "6 to 50 letters, digits, _ or -")
            }
            let allowed = (1...50).contains(code.count) && !code.contains(where: \.isWhitespace)
            return allowed ? nil : .invalid(field, "'\(code)' does not fit", expected: "1 to 50 characters without spaces")
        }
    }

    /// Variants: at most 3 sales attributes per SKU; with more than one SKU, every SKU names
    /// the same attributes and no two the same values (the SDK's `sales_attributes`).
    static let salesAttributes = ListingRule("skus.sales-attributes", codes: [98001004], needsLeaf: false) { subject in
        let skus = subject.draft.skus ?? []
        var kinds: [String]?
        var combinations: [[String]: Int] = [:]
        for (index, sku) in skus.enumerated() {
            let field = "skus[\(index)].sales_attributes"
            let attributes = sku.salesAttributes ?? []
            let names = attributes.map { $0.id ?? $0.name ?? "" }
            if names.count > 3 { return [.invalid(field, "it has \(names.count) attributes", expected: "at most 3")] }
            if names.contains("") || attributes.contains(where: { ($0.valueID ?? $0.valueName ?? "").isEmpty }) {
                return [.invalid(field, "an attribute has no id or name, or no value", expected: "id or name, and value_id or value_name")]
            }
            guard skus.count > 1 else { break }
            if names.isEmpty {
                return [.invalid(field, "a product of \(skus.count) SKUs tells them apart by sales attributes", expected: "sales attributes")]
            }
            let kind = names.sorted()
            if let first = kinds, first != kind {
                return [.invalid(field, "it names \(kind) where skus[0] names \(first)", expected: "the same attributes in every SKU")]
            }
            kinds = kind
            let values = attributes.sorted { ($0.id ?? $0.name ?? "") < ($1.id ?? $1.name ?? "") }.map { $0.valueID ?? $0.valueName ?? "" }
            if let other = combinations.updateValue(index, forKey: values) {
                return [.invalid(field, "it has the values of skus[\(other)]", expected: "values no other SKU has")]
            }
        }
        return []
    }

    /// Each product attribute is a product attribute of the leaf (Get Attributes), with one
    /// value unless it allows several, each value one of its own unless it is customizable,
    /// and a number where its format asks one. A client that copies the attributes of a
    /// 3-level leaf into an edit onto a 7-level one fails here, as it does on TikTok.
    static let attributeValues = ListingRule("attributes.values", codes: [98001004]) { subject in
        guard let details = subject.details, let leaf = subject.leaf else { return [] }
        let known = Dictionary(
            details.attributes.compactMap { item in item["id"]?.string.map { ($0, item) } },
            uniquingKeysWith: { first, _ in first }
        )
        var findings: [ListingFinding] = []
        for (index, attribute) in (subject.draft.productAttributes ?? []).enumerated() {
            let field = "product_attributes[\(index)]"
            guard let definition = known[attribute.id] else {
                findings.append(
                    .invalid(field, "\(attribute.id) is not an attribute of category \(leaf.id)", expected: "an id of Get Attributes of the category")
                )
                continue
            }
            let name = definition["name"]?.string ?? attribute.id
            if definition["type"]?.string == "SALES_PROPERTY" {
                findings.append(.invalid(field, "\(name) is a sales attribute", expected: "it in skus[].sales_attributes"))
                continue
            }
            if attribute.values.count > 1, definition["is_multiple_selection"]?.bool != true {
                findings.append(.invalid(field, "\(name) takes one value, not \(attribute.values.count)", expected: "one value"))
            }
            let values = definition["values"]?.array ?? []
            let customizable = definition["is_customizable"]?.bool == true
            for value in attribute.values {
                if let id = value.id, !id.isEmpty {
                    if !values.contains(where: { $0["id"]?.string == id }) {
                        findings.append(.invalid(field, "\(id) is not a value of \(name)", expected: "a value id of Get Attributes"))
                    }
                } else if let custom = value.name {
                    if definition["value_data_format"]?.string == "POSITIVE_INT_OR_DECIMAL", !isPositiveDecimal(custom) {
                        findings.append(.invalid(field, "'\(custom)' is not a number", expected: "a positive integer or decimal"))
                    } else if !customizable, !values.contains(where: { $0["name"]?.string == custom }) {
                        findings.append(.invalid(field, "\(name) takes only its own values", expected: "a value id of Get Attributes"))
                    }
                }
            }
        }
        return findings
    }

    /// Digits with at most one decimal point, above zero.
    static func isPositiveDecimal(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        return text.contains { $0 != "0" && $0 != "." }
    }
}

extension ListingFinding {
    /// 98001004 naming a field, why it is refused and what it should be.
    static func invalid(_ field: String, _ reason: String, expected: String) -> ListingFinding {
        .problem(APIError.invalidParameter(field, reason: reason, expected: expected))
    }
}
