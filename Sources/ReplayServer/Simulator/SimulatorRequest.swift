import Scenarios

/// A request that passed the gateway, as the simulator sees it.
struct SimulatorRequest: Sendable {
    /// The operation.
    var operation: APIOperation
    /// The values of the path's placeholders (`category_id`, `product_id`).
    var pathParameters: [String: String]
    /// The decoded query.
    var query: QueryString
    /// The JSON body, if any.
    var body: JSONValue?
    /// The raw body, for typed decoding.
    var rawBody: [UInt8]
    /// The request's `Content-Type`, for multipart bodies.
    var contentType: String? = nil
    /// The shop the request acts on (nil for operations that are not shop-scoped).
    var shop: Shop?
}

/// What the simulator answers: a `data` payload or a business error.
enum SimulatorAnswer: Sendable {
    case success(any Encodable & Sendable)
    case failure(APIError)
}
