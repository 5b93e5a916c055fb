import AsyncHTTPClient
import ContractAssertions
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1
import Synchronization

/// A TikTok Shop client written as a user would write one for the L7 move: signed calls,
/// listing on v2, a webhook receiver that checks signatures and deduplicates, the upgrade
/// flow with confirmation, skipped and failed products found with a v1 search and handled
/// (edited to a v2 leaf and confirmed once the edit's audit ends), and Retry-After honoured.
/// Time passes through `wait`, which in these tests moves the server's scenario clock instead
/// of sleeping.
struct ReferenceClient {
    let server: ReplayServer
    let faults: ClientFaults
    let receiver: NotificationReceiver
    private let firstCall = Flag()
    private let firstCategoriesCall = Flag()

    init(server: ReplayServer, faults: ClientFaults = [], receiver: NotificationReceiver) {
        self.server = server
        self.faults = faults
        self.receiver = receiver
    }

    /// Lets time pass: the scenario clock moves (a real client would sleep).
    func wait(_ duration: Duration) async {
        await server.clock.advance(by: duration)
    }

    // MARK: - Calls

    struct Answer {
        var status: Int
        var code: Int
        var data: JSONValue
        var retryAfter: Double?
    }

    /// A signed call; a 429 is retried after Retry-After. `readsData: false` skips decoding a
    /// large answer the caller does not look at.
    @discardableResult
    func call(
        _ method: HTTPMethod,
        _ path: String,
        cipher: String? = nil,
        query: [String: String] = [:],
        body: JSONValue? = nil,
        readsData: Bool = true
    ) async throws -> Answer {
        for _ in 0..<5 {
            let answer = try await send(method, path, cipher: cipher, query: query, body: body, readsData: readsData)
            guard answer.status == 429 else { return answer }
            if !faults.contains(.ignoresRetryAfter) { await wait(.seconds(answer.retryAfter ?? 1)) }
        }
        return try await send(method, path, cipher: cipher, query: query, body: body, readsData: readsData)
    }

    private struct Code: Decodable {
        var code: Int
    }

    private func send(
        _ method: HTTPMethod,
        _ path: String,
        cipher: String?,
        query extra: [String: String],
        body: JSONValue?,
        readsData: Bool
    ) async throws -> Answer {
        let credentials = server.credentials
        let first = firstCall.take()
        var query = extra
        query["app_key"] = credentials.appKey
        query["timestamp"] = String(Int(Date().timeIntervalSince1970))
        let dropsCipher = faults.contains(.noShopCipher) && path.hasSuffix("/categories") && firstCategoriesCall.take()
        if let cipher, !dropsCipher { query["shop_cipher"] = cipher }
        let bytes = try body.map { Array(try JSONEncoder().encode($0)) } ?? []
        query["sign"] = RequestSignature.sign(path: path, query: query, body: bytes, appSecret: credentials.appSecret)
        if first && faults.contains(.badSign) { query["sign"] = String(repeating: "0", count: 64) }
        let tokenInQuery = first && faults.contains(.tokenInQuery)
        if tokenInQuery || (first && faults.contains(.tokenAlsoInQuery)) { query["access_token"] = credentials.accessToken }
        var components = URLComponents()
        components.queryItems = query.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
        var request = HTTPClientRequest(url: server.baseURL.absoluteString + path + "?" + (components.percentEncodedQuery ?? ""))
        request.method = method
        request.headers.add(name: "content-type", value: "application/json")
        if !tokenInQuery { request.headers.add(name: "x-tts-access-token", value: credentials.accessToken) }
        if !bytes.isEmpty { request.body = .bytes(ByteBuffer(bytes: bytes)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let data = Data(buffer: try await response.body.collect(upTo: 32 << 20))
        // The whole answer is decoded only when the caller reads it; otherwise only its code.
        let json: JSONValue
        let code: Int
        if readsData {
            json = (try? JSONDecoder().decode(JSONValue.self, from: data)) ?? .null
            code = json["code"]?.number.map { Int($0) } ?? -1
        } else {
            json = .null
            code = (try? JSONDecoder().decode(Code.self, from: data))?.code ?? -1
        }
        return Answer(
            status: Int(response.status.code),
            code: code,
            data: json["data"] ?? .null,
            retryAfter: response.headers.first(name: "retry-after").flatMap(Double.init)
        )
    }

    // MARK: - The flow

    /// Lists the shops, registers the webhook, reads the catalogue, runs the upgrade to the end.
    func run() async throws {
        let shops = try await call(.GET, "/authorization/202309/shops").data["shops"]?.array ?? []
        let ciphers = Array(shops.compactMap { $0["cipher"]?.string }.prefix(faults.contains(.firstShopOnly) ? 1 : .max))
        for cipher in ciphers {
            for eventType in ["PRODUCT_CATEGORY_CHANGE", "PRODUCT_AUDIT_STATUS_CHANGE"] {
                try await call(
                    .PUT,
                    "/event/202309/webhooks",
                    cipher: cipher,
                    body: .object(["address": .string(receiver.url), "event_type": .string(eventType)])
                )
            }
            try await call(
                .GET,
                "/product/202309/categories",
                cipher: cipher,
                query: ["category_version": faults.contains(.v1Listing) ? "v1" : "v2"],
                readsData: false
            )
        }
        if faults.contains(.legacyGlobalProducts) { try await call(.POST, "/product/202309/global_products/search", body: .object([:])) }
        if faults.contains(.legacyGlobalAttributes) {
            try await call(.GET, "/product/202309/categories/601707/global_attributes", query: ["category_version": "v2"], readsData: false)
        }
        if faults.contains(.v1LeafOnCreate), let cipher = ciphers.first { try await createOnV1Leaf(cipher: cipher) }
        try await upgrade(ciphers)
        if faults.contains(.checksEveryProductAtTheEnd) {
            // Late webhooks (held or repeated) are handled first; then an hour with none.
            await wait(.seconds(7200))
            try await settleWebhooks()
            await wait(.seconds(3600))
            for product in server.scenario.products {
                try await call(.GET, "/product/202309/products/\(product.id)", cipher: cipherOf(product.id))
            }
        }
    }

    /// Triggers the task per shop, lets it run, confirms what the webhooks said, and comes back
    /// for what is left: first after 24 hours (products too new), then by editing to a v2 leaf.
    private func upgrade(_ ciphers: [String]) async throws {
        var pending = ciphers
        for round in 0..<3 {
            for cipher in pending {
                let started = try await call(.POST, "/product/202407/products/category_upgrade_task", cipher: cipher)
                if faults.contains(.hammersUpgrade), round == 0 {
                    try await call(.POST, "/product/202407/products/category_upgrade_task", cipher: cipher)
                }
                guard started.code == 0 else { return }  // no upgrade here (a replay without it, say)
            }
            await wait(.seconds(2 * 3600 + 60))
            try await settleWebhooks()
            if faults.contains(.stopsAfterFirstTask) {
                await wait(.seconds(25 * 3600))  // the client gets on with other things; a day passes
                try await settleWebhooks()
                return
            }
            var left: [String: [JSONValue]] = [:]
            for cipher in pending {
                let products = try await searchOnV1(cipher)
                if !products.isEmpty { left[cipher] = products }
            }
            if left.isEmpty { break }
            if round == 0 {
                await wait(.seconds(24 * 3600))  // products too new are old enough now
                pending = Array(left.keys).sorted()
                continue
            }
            var edited: [String: String] = [:]
            for (cipher, products) in left {
                for product in products {
                    if let id = product["id"]?.string, try await editToV2Leaf(id, cipher: cipher) { edited[id] = cipher }
                }
            }
            if faults.contains(.confirmsDuringReview) {
                for (id, cipher) in edited.sorted(by: { $0.key < $1.key }) { try await call(.GET, "/product/202309/products/\(id)", cipher: cipher) }
                break
            }
            try await awaitAudits(edited)
            break
        }
        await wait(.seconds(3600))  // late webhooks (slow or held back) arrive
        try await settleWebhooks()
    }

    /// Lets time pass until the audits of the edited products end (their PRODUCT_AUDIT_STATUS_CHANGE
    /// webhooks say so), reading each product back then, not before: while the audit runs the
    /// shop still shows the old category. An edit the audit refused is sent once more.
    private func awaitAudits(_ edited: [String: String]) async throws {
        var waiting = edited
        var resent: Set<String> = []
        for _ in 0..<24 where !waiting.isEmpty {  // at most 6 hours, in steps of 15 minutes
            await wait(.seconds(15 * 60))
            _ = await server.webhooks.awaitIdle()
            let results = receiver.takeAuditResults()
            try await settleWebhooks()
            for (id, status) in results.sorted(by: { $0.key < $1.key }) {
                guard let cipher = waiting[id] else { continue }
                if status == "FAILED", resent.insert(id).inserted {
                    _ = try await editToV2Leaf(id, cipher: cipher)
                } else {
                    waiting[id] = nil
                }
            }
        }
    }

    /// Waits for the server's deliveries, then reads back every product a webhook named.
    private func settleWebhooks() async throws {
        _ = await server.webhooks.awaitIdle()
        guard !faults.contains(.noConfirmation) else {
            _ = receiver.takeProductsToConfirm()
            return
        }
        for productID in receiver.takeProductsToConfirm() {
            let cipher = faults.contains(.confirmsInAnotherShop) ? cipherOf(productID, anotherShop: true) : cipherOf(productID)
            if faults.contains(.editsDescriptionBeforeConfirming) {
                let body: JSONValue = .object(["description": .string("<p>Checked after its move to the 7-level tree.</p>")])
                try await call(.POST, "/product/202509/products/\(productID)/partial_edit", cipher: cipher, body: body)
            }
            if faults.contains(.confirmsBySearch) {
                let body: JSONValue = .object(["category_version": .string("v2")])
                try await call(.POST, "/product/202502/products/search", cipher: cipher, query: ["page_size": "100"], body: body, readsData: false)
            } else {
                try await call(.GET, "/product/202309/products/\(productID)", cipher: cipher)
            }
        }
    }

    /// The cipher of the product's shop, or with `anotherShop` of the first other shop.
    private func cipherOf(_ productID: String, anotherShop: Bool = false) -> String {
        let shopID = server.scenario.products.first { $0.id == productID }?.shopID
        let shop = server.scenario.shops.first { anotherShop ? $0.id != shopID : $0.id == shopID }
        return shop?.cipher ?? server.credentials.shopCipher
    }

    private func searchOnV1(_ cipher: String) async throws -> [JSONValue] {
        let answer = try await call(
            .POST,
            "/product/202502/products/search",
            cipher: cipher,
            query: ["page_size": "100"],
            body: .object(["category_version": .string("v1"), "status": .string("ACTIVATE")])
        )
        return answer.data["products"]?.array ?? []
    }

    /// Moves a product that the task cannot move: the recommended v2 leaf; the product's own
    /// title, images, SKUs and the attributes the new leaf knows; the leaf's required and
    /// conditionally required attributes (Get Attributes), required certifications and size
    /// chart (Get Category Rules), and the seller's manufacturer and responsible person where
    /// the rules require them (found, or registered once). Returns whether the edit was accepted.
    private func editToV2Leaf(_ productID: String, cipher: String) async throws -> Bool {
        let product = try await call(.GET, "/product/202309/products/\(productID)", cipher: cipher).data
        let title = product["title"]?.string ?? ""
        // The fault moves the product to another leaf of the 3-level tree, where a market before
        // its cut-off still takes one.
        let tree = faults.contains(.editsFailedToAnotherV1Leaf) ? "v1" : "v2"
        let found = tree == "v2" ? try await v2Leaf(for: product, cipher: cipher) : try await anotherV1Leaf(for: product, cipher: cipher)
        guard let leaf = found else { return false }
        let attributes =
            try await call(.GET, "/product/202309/categories/\(leaf)/attributes", cipher: cipher, query: ["category_version": tree]).data[
                "attributes"
            ]?.array ?? []
        let rules = try await call(.GET, "/product/202309/categories/\(leaf)/rules", cipher: cipher, query: ["category_version": tree]).data
        let certifications = (rules["product_certifications"]?.array ?? []).filter { $0["is_required"]?.bool == true }.map {
            JSONValue.object(["id": $0["id"] ?? .null, "images": .array([.object(["uri": .string("tos-certificate")])])])
        }
        let skus = (product["skus"]?.array ?? []).map { sku -> JSONValue in
            .object([
                "id": sku["id"] ?? .null, "seller_sku": sku["seller_sku"] ?? .null,
                "price": .object(["amount": sku["price"]?["sale_price"] ?? .string("1.00"), "currency": sku["price"]?["currency"] ?? .null]),
                "inventory": sku["inventory"] ?? .array([]),
            ])
        }
        var body: [String: JSONValue] = [
            "title": .string(title), "description": product["description"] ?? .string(title), "category_id": .string(leaf),
            "category_version": .string(tree), "main_images": product["main_images"] ?? .array([]),
            "product_attributes": .array(Self.attributeValues(kept: product["product_attributes"]?.array ?? [], leafAttributes: attributes)),
            "certifications": .array(certifications), "skus": .array(skus),
        ]
        if rules["size_chart"]?["is_required"]?.bool == true { body["size_chart"] = .object(["image": .object(["uri": .string("tos-size-chart")])]) }
        if rules["manufacturer"]?["is_required"]?.bool == true { body["manufacturer_ids"] = .array([.string(try await complianceID(.manufacturer))]) }
        if rules["responsible_person"]?["is_required"]?.bool == true {
            body["responsible_person_ids"] = .array([.string(try await complianceID(.responsiblePerson))])
        }
        return try await call(.PUT, "/product/202309/products/\(productID)", cipher: cipher, body: .object(body)).code == 0
    }

    /// The attributes of an edit to a new leaf: the product's values the leaf knows, then a
    /// value for every attribute the leaf requires, always or because a chosen value meets
    /// one of its `requirement_conditions`.
    static func attributeValues(kept: [JSONValue], leafAttributes: [JSONValue]) -> [JSONValue] {
        // Only product attributes of the new leaf, with values it knows: TikTok refuses the rest.
        let productAttributes = leafAttributes.filter { ($0["type"]?.string ?? "PRODUCT_PROPERTY") == "PRODUCT_PROPERTY" }
        let known = Dictionary(
            productAttributes.compactMap { item in item["id"]?.string.map { ($0, item) } },
            uniquingKeysWith: { first, _ in first }
        )
        var chosen: [String: [JSONValue]] = [:]
        var order: [String] = []
        for attribute in kept {
            guard let id = attribute["id"]?.string, let leafAttribute = known[id] else { continue }
            let ids = Set((leafAttribute["values"]?.array ?? []).compactMap { $0["id"]?.string })
            let customizable = leafAttribute["is_customizable"]?.bool == true
            let values = (attribute["values"]?.array ?? []).compactMap { value -> JSONValue? in
                if let valueID = value["id"]?.string { return ids.contains(valueID) ? .object(["id": .string(valueID)]) : nil }
                return customizable ? value : nil
            }
            guard let first = values.first else { continue }
            chosen[id] = leafAttribute["is_multiple_selection"]?.bool == true ? values : [first]
            order.append(id)
        }
        func isChosen(_ condition: JSONValue) -> Bool {
            guard let id = condition["attribute_id"]?.string, let value = condition["attribute_value_id"] else { return false }
            return chosen[id]?.contains { $0["id"] == value } == true
        }
        for attribute in productAttributes {
            guard let id = attribute["id"]?.string, chosen[id] == nil else { continue }
            let required = attribute["is_requried"]?.bool == true || (attribute["requirement_conditions"]?.array ?? []).contains(where: isChosen)
            guard required else { continue }
            chosen[id] = [attribute["values"]?[0]?["id"].map { JSONValue.object(["id": $0]) } ?? .object(["name": .string("1")])]
            order.append(id)
        }
        return order.map { .object(["id": .string($0), "values": .array(chosen[$0] ?? [])]) }
    }

    /// The id of the seller's first manufacturer or responsible person, registered if it has none.
    private func complianceID(_ kind: ComplianceKind) async throws -> String {
        let found = try await call(.POST, kind.searchPath, query: ["page_size": "1"], body: .object([:])).data
        if let id = found[kind.listKey]?[0]?["id"]?.string { return id }
        return try await call(.POST, kind.createPath, body: kind.record).data[kind.idKey]?.string ?? ""
    }

    /// The EU compliance records a listing may need.
    enum ComplianceKind {
        case manufacturer, responsiblePerson

        var createPath: String {
            self == .manufacturer ? "/product/202409/compliance/manufacturers" : "/product/202409/compliance/responsible_persons"
        }
        var searchPath: String {
            self == .manufacturer ? "/product/202501/compliance/manufacturers/search" : "/product/202501/compliance/responsible_persons/search"
        }
        var listKey: String { self == .manufacturer ? "manufacturers" : "responsible_persons" }
        var idKey: String { self == .manufacturer ? "manufacturer_id" : "responsible_person_id" }
        var record: JSONValue {
            let phone: JSONValue = .object(["country_code": .string("+49"), "local_number": .string("3012345678")])
            if self == .manufacturer {
                return .object([
                    "name": .string("Reference Manufacturing GmbH"), "email": .string("compliance@reference.example"), "phone_number": phone,
                    "address": .string("Musterstraße 1, 10115 Berlin, DE"),
                ])
            }
            return .object([
                "name": .string("Reference EU Representative GmbH"), "email": .string("eu-rep@reference.example"), "phone_number": phone,
                "address": .object([
                    "street_address_line1": .string("Musterstraße 2"), "postal_code": .string("10115"), "country": .string("DE"),
                    "city": .string("Berlin"),
                ]),
            ])
        }
    }

    /// The 7-level leaf for a product: the recommended one, else the leaf of the same name as its
    /// current one, else an available leaf under the same top-level category.
    private func v2Leaf(for product: JSONValue, cipher: String) async throws -> String? {
        let title = product["title"]?.string ?? ""
        let recommended = try await call(
            .POST,
            "/product/202309/categories/recommend",
            cipher: cipher,
            body: .object(["product_title": .string(title), "category_version": .string("v2")])
        )
        if let leaf = recommended.data["leaf_category_id"]?.string { return leaf }
        let chain = product["category_chains"]?.array ?? []
        let categories =
            try await call(.GET, "/product/202309/categories", cipher: cipher, query: ["category_version": "v2"]).data["categories"]?.array ?? []
        let byID = Dictionary(
            categories.compactMap { category in category["id"]?.string.map { ($0, category) } },
            uniquingKeysWith: { first, _ in first }
        )
        func root(_ category: JSONValue) -> JSONValue {
            var current = category
            while let parent = current["parent_id"]?.string, let next = byID[parent] { current = next }
            return current
        }
        let leaves = categories.filter { $0["is_leaf"]?.bool == true && $0["permission_statuses"]?.array == [.string("AVAILABLE")] }
        if let name = chain.last?["local_name"], let same = leaves.first(where: { $0["local_name"] == name }) { return same["id"]?.string }
        return leaves.first { root($0)["local_name"] == chain.first?["local_name"] }?["id"]?.string
    }

    /// A leaf of the 3-level tree other than the product's own.
    private func anotherV1Leaf(for product: JSONValue, cipher: String) async throws -> String? {
        let current = product["category_chains"]?.array?.last?["id"]?.string
        let categories =
            try await call(.GET, "/product/202309/categories", cipher: cipher, query: ["category_version": "v1"]).data["categories"]?.array ?? []
        return categories.first {
            $0["is_leaf"]?.bool == true && $0["permission_statuses"]?.array == [.string("AVAILABLE")] && $0["id"]?.string != current
        }?["id"]?.string
    }

    /// The broken create: a 3-level leaf sent as if it were a 7-level one.
    private func createOnV1Leaf(cipher: String) async throws {
        let v1Leaf = server.scenario.products.first?.categoryID ?? "600001"
        try await call(
            .POST,
            "/product/202309/products",
            cipher: cipher,
            body: .object([
                "title": .string("Tea towel"), "description": .string("<p>Linen</p>"), "category_id": .string(v1Leaf),
                "category_version": .string("v2"),
            ])
        )
    }
}

/// True once, then false: marks the first call of a client.
final class Flag: Sendable {
    private let value = Mutex(true)
    func take() -> Bool {
        value.withLock { value in
            defer { value = false }
            return value
        }
    }
}
