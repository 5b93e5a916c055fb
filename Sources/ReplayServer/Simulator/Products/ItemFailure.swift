/// One item a batch operation could not change, as its `data.errors[]` reports it: the code,
/// the message and what it was about (Activate, Deactivate, Delete and Recover Products per
/// product; Update Inventory per SKU).
struct ItemFailure<Detail: Encodable & Sendable>: Encodable, Sendable {
    var code: Int
    var message: String
    var detail: Detail

    init(_ error: APIError, detail: Detail) {
        self.code = error.code
        self.message = error.message
        self.detail = detail
    }
}

/// The `data` of a batch operation: what it could not change, empty when everything changed.
struct ItemFailures<Detail: Encodable & Sendable>: Encodable, Sendable {
    var errors: [ItemFailure<Detail>]
}
