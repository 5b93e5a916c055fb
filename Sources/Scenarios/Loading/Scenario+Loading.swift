public import Foundation

extension Scenario {
    /// Loads and validates a scenario file (YAML, or JSON, which is YAML too).
    ///
    /// - Parameter url: The file to read.
    /// - Throws: `DiagnosticError` with every problem found, each at its file:line:column.
    public static func load(contentsOf url: URL) throws(DiagnosticError) -> Scenario {
        let document = try YAMLDocument(contentsOf: url)
        let stem = url.deletingPathExtension().lastPathComponent
        return try build(from: document, defaultName: stem, sourcePath: url.path)
    }

    /// Parses and validates scenario text.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The name used in diagnostics.
    /// - Throws: `DiagnosticError` with every problem found.
    public static func parse(_ text: String, file: String = "<scenario>") throws(DiagnosticError) -> Scenario {
        try build(from: YAMLDocument(text: text, file: file), defaultName: file, sourcePath: nil)
    }

    private static func build(from document: YAMLDocument, defaultName: String, sourcePath: String?) throws(DiagnosticError) -> Scenario {
        guard document.isMapping else {
            throw DiagnosticError([document.diagnostic(at: [], message: "a scenario is a mapping of keys such as name, shops and products")])
        }
        let file = try document.decode(ScenarioFile.self)
        let app = file.app ?? AppCredentials(key: "6a1c2e9f3b7d", secret: "5f0e8d2c9a4b7e1f3c6d")
        let shops =
            file.shops ?? [
                Shop(
                    id: "7495540735365777507",
                    name: "Maple & Thread UK",
                    region: .gb,
                    sellerType: .local,
                    cipher: "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
                    code: "GBLCMT7K2Q9A"
                )
            ]
        let tokens = file.accessTokens ?? [AccessToken(value: "TTP_replay_\(app.key)", expiresIn: HumanDuration(seconds: 7 * 86_400))]

        var problems: [Diagnostic] = []
        func problem(_ path: [String], _ message: String) {
            problems.append(document.diagnostic(at: path.map(PathKey.init), message: message))
        }
        if shops.isEmpty { problem(["shops"], "a scenario needs at least one shop") }
        if tokens.isEmpty { problem(["access_tokens"], "a scenario needs at least one access token") }
        for (index, shop) in shops.enumerated() {
            if shops[..<index].contains(where: { $0.id == shop.id }) { problem(["shops", "\(index)", "id"], "duplicate shop id '\(shop.id)'") }
            if shops[..<index].contains(where: { $0.cipher == shop.cipher }) {
                problem(["shops", "\(index)", "cipher"], "duplicate shop cipher '\(shop.cipher)'")
            }
        }
        var products: [Product] = []
        for (index, entry) in (file.products ?? []).enumerated() {
            if products.contains(where: { $0.id == entry.id }) { problem(["products", "\(index)", "id"], "duplicate product id '\(entry.id)'") }
            let shopID: String
            if let named = entry.shop {
                shopID = named
                if !shops.contains(where: { $0.id == named }) {
                    problem(["products", "\(index)", "shop"], "no shop with id '\(named)' in this scenario")
                }
            } else if shops.count > 1 {
                shopID = shops.first?.id ?? ""
                problem(["products", "\(index)"], "the scenario has several shops; name this product's shop with 'shop'")
            } else {
                shopID = shops.first?.id ?? ""
            }
            if entry.liveFor.milliseconds < 0 {
                problem(["products", "\(index)", "live_for"], "live_for is the product's age at the start and cannot be negative")
            }
            products.append(
                Product(id: entry.id, shopID: shopID, title: entry.title, categoryID: entry.categoryID, status: entry.status, liveFor: entry.liveFor)
            )
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }

        return Scenario(
            name: file.name ?? defaultName,
            description: file.description ?? "",
            seed: file.seed ?? 1,
            clockStart: file.clock?.start?.date ?? defaultClockStart,
            app: app,
            accessTokens: tokens,
            shops: shops,
            products: products,
            gateway: file.gateway ?? GatewayPolicy(),
            sourcePath: sourcePath
        )
    }
}

/// A coding key built from a path segment; numeric segments index lists.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ segment: String) {
        self.stringValue = segment
        self.intValue = Int(segment)
    }

    init?(stringValue: String) { self.init(stringValue) }

    init?(intValue: Int) { self.init("\(intValue)") }
}
