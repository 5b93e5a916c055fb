/// Writes a ``DerivedScenario`` as a scenario file (docs/scenarios.md), with a comment on each
/// part saying where it came from.
struct ScenarioWriter {
    let scenario: DerivedScenario

    init(_ scenario: DerivedScenario) {
        self.scenario = scenario
    }

    func yaml() -> String {
        var lines: [String] = scenario.header.flatMap { YAMLText.commentLines($0) }
        lines.append("name: \(YAMLText.quoted(scenario.name))")
        lines.append("description: \(YAMLText.quoted(scenario.description))")
        lines.append("clock:")
        lines.append(field("start", ScenarioInstant.format(scenario.clockStart), indent: 2, comment: scenario.clockComment))
        lines.append("app:")
        lines.append(field("key", YAMLText.quoted(scenario.appKey), indent: 2, comment: scenario.appKeyComment))
        lines.append(field("secret", YAMLText.quoted(AppCredentials.scenarioDefault.secret), indent: 2, comment: scenario.appSecretComment))
        lines += YAMLText.commentLines(scenario.tokenComment)
        if let reference = scenario.catalogueReference {
            lines.append(field("catalogue", YAMLText.quoted(reference), indent: 0, comment: "every product's category was checked against it"))
        }
        lines += shops()
        lines += products()
        lines += policies()
        lines += YAMLText.commentLines(scenario.leftoverComment)
        if let leftover = scenario.leftover {
            lines.append("cassettes: [\(YAMLText.quoted(leftover.fileName))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func shops() -> [String] {
        var lines = ["shops:"]
        for part in scenario.shops {
            let shop = part.shop
            lines += YAMLText.commentLines("from \(part.source)", indent: 2)
            lines.append(field("- id", YAMLText.quoted(shop.id), indent: 2))
            lines.append(field("name", YAMLText.quoted(shop.name), indent: 4, comment: part.fieldComments["name"]))
            lines.append(field("region", shop.region.rawValue, indent: 4))
            lines.append(field("seller_type", shop.sellerType.rawValue, indent: 4, comment: part.fieldComments["seller_type"]))
            lines.append(field("cipher", YAMLText.quoted(shop.cipher), indent: 4, comment: part.fieldComments["cipher"]))
            lines.append(field("code", YAMLText.quoted(shop.code), indent: 4, comment: part.fieldComments["code"]))
        }
        for leftOut in scenario.shopsLeftOut { lines += YAMLText.commentLines(leftOut, indent: 2) }
        return lines
    }

    private func products() -> [String] {
        var lines = [scenario.products.isEmpty ? "products: []" : "products:"]
        for part in scenario.products {
            let product = part.product
            let comments = part.fieldComments
            lines += YAMLText.commentLines(part.comment, indent: 2)
            lines.append(field("- id", YAMLText.quoted(product.id), indent: 2))
            lines.append(field("shop", YAMLText.quoted(product.shopID), indent: 4))
            lines.append(field("title", YAMLText.quoted(product.title), indent: 4, comment: comments["title"]))
            lines.append(field("status", product.status.rawValue, indent: 4, comment: comments["status"]))
            lines.append(field("category_id", YAMLText.quoted(product.categoryID), indent: 4, comment: comments["category_id"]))
            lines.append(field("category_version", product.categoryVersion.rawValue, indent: 4, comment: comments["category_version"]))
            if let brand = product.brandID {
                lines.append(field("brand_id", YAMLText.quoted(brand), indent: 4))
            } else if let comment = comments["brand"] {
                lines += YAMLText.commentLines(comment, indent: 4)
            }
            lines.append(field("live_for", product.liveFor.description, indent: 4, comment: comments["live_for"]))
            if !product.attributes.isEmpty {
                lines.append("    attributes:")
                for (id, values) in product.attributes.sorted(by: { $0.key < $1.key }) {
                    lines.append("      - {id: \(YAMLText.quoted(id)), values: [\(values.map(YAMLText.quoted).joined(separator: ", "))]}")
                }
            }
        }
        for leftOut in scenario.productsLeftOut { lines += YAMLText.commentLines(leftOut, indent: 2) }
        return lines
    }

    private func policies() -> [String] {
        var lines = YAMLText.commentLines(scenario.policyComment)
        guard !scenario.policies.isEmpty else { return lines }
        lines.append("market_policy:")
        for part in scenario.policies {
            lines.append("  \(part.region.rawValue):")
            lines.append(
                field(
                    "v2_required",
                    part.policy.v2Required ? "true" : "false",
                    indent: 4,
                    comment: part.v2Comment ?? "the default: no create or edit on v1 was recorded here"
                )
            )
            if part.policy.v1ReadsRefused {
                lines.append(field("v1_reads_refused", "true", indent: 4, comment: part.readsComment))
            }
        }
        return lines
    }

    /// `key: value  # comment` at an indentation.
    private func field(_ key: String, _ value: String, indent: Int, comment: String? = nil) -> String {
        String(repeating: " ", count: indent) + "\(key): \(value)" + (comment.map { "  # " + YAMLText.commentText($0) } ?? "")
    }
}
