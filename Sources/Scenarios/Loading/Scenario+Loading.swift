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

    static func build(from document: YAMLDocument, defaultName: String, sourcePath: String?) throws(DiagnosticError) -> Scenario {
        guard document.isMapping else {
            throw DiagnosticError([document.diagnostic(at: [], message: "a scenario is a mapping of keys such as name, shops and products")])
        }
        var unknownKeys: [Diagnostic] = []
        let file = try document.decode(ScenarioFile.self, unknownKeys: &unknownKeys)
        var checker = ScenarioChecker(document: document)
        checker.problems += unknownKeys
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
        let tokens = file.accessTokens ?? [AccessToken(value: "TTP_replay_\(app.key)", expiresIn: HumanDuration(seconds: 7 * 86400))]
        let base =
            sourcePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let catalogue = file.catalogue.map { Catalogue(directory: URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL) } ?? .builtIn
        let cassettes = checker.cassettes(file.cassettes ?? [], relativeTo: base)

        checker.check(shops: shops, tokens: tokens)
        let policies = checker.policies(file.marketPolicy ?? [:])
        let products = checker.products(file.products ?? [], shops: shops)
        checker.check(products: products, shops: shops, catalogue: catalogue)
        checker.check(upgrade: file.upgrade ?? UpgradeBehaviour(), webhooks: file.webhooks ?? WebhookBehaviour(), products: products)
        let expectations = (file.expect ?? []).map(\.expectation)
        checker.check(expectations: expectations, products: products)
        try checker.throwIfAny()

        return Scenario(
            name: file.name ?? defaultName,
            description: file.description ?? "",
            seed: file.seed ?? 1,
            clockStart: file.clock?.start?.date ?? defaultClockStart,
            clockRate: file.clock?.rate ?? 0,
            app: app,
            accessTokens: tokens,
            shops: shops,
            products: products,
            gateway: file.gateway ?? GatewayPolicy(),
            stubs: (file.stubs ?? []).enumerated().map { index, entry in
                Stub(name: entry.name ?? "stub \(index + 1)", match: entry.match, response: entry.response)
            },
            cassettes: cassettes,
            answerOrder: file.answerOrder ?? AnswerSource.defaultOrder,
            upgrade: file.upgrade ?? UpgradeBehaviour(),
            webhooks: file.webhooks ?? WebhookBehaviour(),
            catalogue: catalogue,
            marketPolicies: policies,
            expectations: expectations,
            sourcePath: sourcePath
        )
    }
}
