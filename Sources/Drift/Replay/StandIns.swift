import Scenarios

/// Recorded ids the simulator's scenario does not have, and the ids sent in their place.
///
/// - Categories: a real shop's TikTok category ids the built-in catalogue lacks get a leaf of
///   the same tree (``ScenarioDerivation/UnknownCategories/standIn``). Its rules are not the real
///   category's, so an exchange sent with one is compared by shape, but a different outcome is
///   only noted.
/// - SKUs: the simulator makes up the SKU ids of a scenario's products, so each recorded SKU id
///   of a product gets the simulator's SKU id at the same position of that product's SKUs.
///
/// An id is replaced wherever it stands whole: a path segment, a query value, a JSON string.
struct StandIns: Sendable {
    var categories: [String: String] = [:]
    var skus: [String: String] = [:]

    /// The request with every id that has a stand-in replaced, and whether a category was.
    func applied(to recorded: Cassette.RecordedRequest) -> (request: Cassette.RecordedRequest, categoryStoodIn: Bool) {
        guard !categories.isEmpty || !skus.isEmpty else { return (recorded, false) }
        var categoryStoodIn = false
        func replaced(_ text: String) -> String {
            if let leaf = categories[text] {
                categoryStoodIn = true
                return leaf
            }
            return skus[text] ?? text
        }
        func replaced(_ value: JSONValue) -> JSONValue {
            switch value {
            case .string(let text): .string(replaced(text))
            case .array(let elements): .array(elements.map(replaced))
            case .object(let members): .object(members.mapValues(replaced))
            default: value
            }
        }
        var request = recorded
        request.path = request.path.split(separator: "/", omittingEmptySubsequences: false).map { replaced(String($0)) }.joined(separator: "/")
        request.query = request.query.mapValues(replaced)
        if case .json(let body) = request.body { request.body = .json(replaced(body)) }
        return (request, categoryStoodIn)
    }

    /// The SKU ids of each product in recorded Get Product answers, in order.
    static func recordedSKUs(in cassettes: [Cassette], router: OperationRouter) -> [(productID: String, cipher: String?, skus: [String])] {
        var seen: Set<String> = []
        var products: [(productID: String, cipher: String?, skus: [String])] = []
        for interaction in cassettes.flatMap(\.interactions) {
            guard case .operation(let operation, _) = router.match(method: interaction.request.method, path: interaction.request.path),
                operation == .getProduct, case .json(let body) = interaction.response.body, body["code"]?.number == 0,
                let id = body["data"]?["id"]?.string, seen.insert(id).inserted
            else { continue }
            let skus = (body["data"]?["skus"]?.array ?? []).compactMap { $0["id"]?.string }
            if !skus.isEmpty { products.append((id, interaction.request.query[RequestParameter.shopCipher], skus)) }
        }
        return products
    }
}
