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
        // Decoding goes on past every problem it can; the checks across keys then run on what was
        // read, so that one pass reports everything.
        let (decoded, problems) = document.decodeReportingProblems(ScenarioFile.self)
        guard let file = decoded else { throw DiagnosticError(problems) }
        var checker = ScenarioChecker(document: document)
        checker.problems += problems
        let app = file.app ?? .scenarioDefault
        let shopsRead = checker.isWhole(file.shops, key: ScenarioFile.CodingKeys.shops)
        // A shops key that is not a list leaves the shops unknown, not the default one.
        let shops: [Shop?] = file.shops ?? (shopsRead ? [defaultShop] : [])
        let tokens: [AccessToken?] =
            file.accessTokens ?? [AccessToken(value: "TTP_replay_\(app.key)", expiresIn: HumanDuration(seconds: 7 * 86400))]
        let base =
            sourcePath.map { URL(fileURLWithPath: $0).deletingLastPathComponent() }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let catalogue = file.catalogue.map { Catalogue(directory: URL(fileURLWithPath: $0, relativeTo: base).standardizedFileURL) } ?? .builtIn
        let cassettes = checker.cassettes(file.cassettes ?? [], relativeTo: base)

        checker.check(shops: shops, read: shopsRead, tokens: tokens)
        let policies = checker.policies(file.marketPolicy ?? [:])
        let products = checker.products(file.products ?? [], shops: shops, shopsRead: shopsRead)
        if checker.isRead(ScenarioFile.CodingKeys.catalogue) {
            checker.check(products: products, shops: shops, catalogue: catalogue)
        }
        if checker.isWhole(file.products, key: ScenarioFile.CodingKeys.products) {
            checker.check(upgrade: file.upgrade ?? UpgradeBehaviour(), webhooks: file.webhooks ?? WebhookBehaviour(), products: products)
            checker.check(audit: file.audit ?? AuditBehaviour(), products: products)
        }
        let expectations = (file.expect ?? []).map { $0?.expectation }
        checker.check(
            expectations: expectations,
            products: products,
            productsRead: checker.isWhole(file.products, key: ScenarioFile.CodingKeys.products)
        )
        try checker.throwIfAny()

        // Past the checks, every element was read: a list holds nil only beside a problem.
        return Scenario(
            name: file.name ?? defaultName,
            description: file.description ?? "",
            seed: file.seed ?? 1,
            clockStart: file.clock?.start?.date ?? defaultClockStart,
            clockRate: file.clock?.rate ?? 0,
            app: app,
            accessTokens: tokens.compactMap { $0 },
            shops: shops.compactMap { $0 },
            products: products.compactMap { $0 },
            gateway: file.gateway ?? GatewayPolicy(),
            stubs: (file.stubs ?? []).compactMap { $0 }.enumerated().map { index, entry in
                Stub(name: entry.name ?? "stub \(index + 1)", match: entry.match, response: entry.response)
            },
            cassettes: cassettes,
            answerOrder: file.answerOrder ?? AnswerSource.defaultOrder,
            upgrade: file.upgrade ?? UpgradeBehaviour(),
            audit: file.audit ?? AuditBehaviour(),
            webhooks: file.webhooks ?? WebhookBehaviour(),
            catalogue: catalogue,
            marketPolicies: policies,
            expectations: expectations.compactMap { $0 },
            sourcePath: sourcePath
        )
    }

    /// The shop of a scenario that names none.
    private static let defaultShop = Shop(
        id: "7495540735365777507",
        name: "Maple & Thread UK",
        region: .gb,
        sellerType: .local,
        cipher: "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3",
        code: "GBLCMT7K2Q9A"
    )
}
