import Scenarios

/// `GET`, `PUT` and `DELETE /event/202309/webhooks`: the shop's webhook registrations.
struct WebhookHandlers: Sendable {
    /// The `data` of Get Shop Webhooks.
    struct List: Encodable, Sendable {
        struct Entry: Encodable, Sendable {
            var eventType: String
            var address: String
            var createTime: Int64
            var updateTime: Int64

            enum CodingKeys: String, CodingKey {
                case address
                case eventType = "event_type"
                case createTime = "create_time"
                case updateTime = "update_time"
            }
        }

        var webhooks: [Entry]
    }

    let subscriptions: WebhookSubscriptions
    let now: Int64

    func list(shop: Shop) -> List {
        List(
            webhooks: subscriptions.subscriptions(of: shop.id).map {
                .init(eventType: $0.type.name, address: $0.address, createTime: $0.createTime, updateTime: $0.updateTime)
            }
        )
    }

    func update(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EmptyData {
        let type = try eventType(request)
        guard let address = request.body?["address"]?.string, !address.isEmpty else {
            throw APIError.invalidParameter("address", reason: "missing", expected: "an http(s) URL")
        }
        guard address.count <= 255, address.hasPrefix("http://") || address.hasPrefix("https://") else {
            throw APIError.invalidParameter(
                "address",
                reason: "not an http(s) URL, or longer than 255 characters",
                expected: "an http(s) URL of at most 255 characters"
            )
        }
        subscriptions.register(shopID: shop.id, type: type, address: address, at: now)
        return EmptyData()
    }

    func delete(_ request: SimulatorRequest, shop: Shop) throws(APIError) -> EmptyData {
        subscriptions.remove(shopID: shop.id, type: try eventType(request))
        return EmptyData()
    }

    private func eventType(_ request: SimulatorRequest) throws(APIError) -> WebhookType {
        guard let name = request.body?["event_type"]?.string, let type = WebhookType.named(name) else {
            let types = WebhookType.all.map(\.name).sorted().joined(separator: ", ")
            throw APIError.invalidParameter("event_type", reason: "unknown event type", expected: "one of \(types)")
        }
        return type
    }
}

/// The empty `data` object of operations that answer nothing but success.
struct EmptyData: Encodable, Sendable {}
