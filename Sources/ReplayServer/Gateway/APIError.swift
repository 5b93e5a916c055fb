/// An error the fake answers with: the TikTok Shop code, its message and the HTTP status.
///
/// Every code the fake can send is a static member in the table below, so the facts from the
/// reference (`tiktok-shop-l7.md`, section 2) live in one place.
public struct APIError: Error, Sendable, Hashable {
    /// The `code` field of the envelope.
    public var code: Int
    /// The `message` field of the envelope.
    public var message: String
    /// The HTTP status of the response (business errors are 200).
    public var httpStatus: Int

    /// Creates an error.
    public init(code: Int, httpStatus: Int, message: String) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
    }

    /// The same error with a detail appended to the message, for messages that name a parameter.
    func detailed(_ detail: String) -> APIError {
        APIError(code: code, httpStatus: httpStatus, message: "\(message) \(detail)")
    }
}

// MARK: - The table

extension APIError {
    // Gateway: credentials and transport (HTTP statuses as observed live, or 400 where unobserved).

    static let invalidSign = APIError(
        code: 106001,
        httpStatus: 401,
        message: "Invalid credentials. The `sign` query parameter is invalid."
    )
    static let missingSign = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Missing credentials. The request does not include a required signature in the query."
    )
    static let invalidAppKey = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Invalid credentials. The `app_key` query parameter is invalid."
    )
    static let missingAppKey = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Missing credentials. The request does not include the `app_key` query parameter."
    )
    static let missingTimestamp = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Missing credentials. The request does not include the `timestamp` query parameter."
    )
    static let timestampNegative = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Invalid timestamp. The `timestamp` query parameter must not be lesser than 0."
    )
    static let timestampTooOld = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Invalid timestamp. The `timestamp` query parameter must not be earlier than 5 minutes before the current time."
    )
    static let timestampInFuture = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Invalid timestamp. The `timestamp` query parameter must not exceed the current time by more than 30 seconds."
    )
    static let invalidAccessToken = APIError(
        code: 36009004,
        httpStatus: 401,
        message: "Invalid credentials. The `x-tts-access-token` header is invalid."
    )
    static let missingAccessToken = APIError(
        code: 36009004,
        httpStatus: 401,
        message: "Missing credentials. The request does not include the `x-tts-access-token` header."
    )
    static let expiredAccessToken = APIError(
        code: 105002,
        httpStatus: 401,
        message: "Expired credentials. The `access_token` or `x-tts-access-token` header has expired."
    )
    static let missingShopCipher = APIError(
        code: 106013,
        httpStatus: 400,
        message: "Missing identifier. The `shop_cipher` query parameter is required to identify the target shop."
    )
    static let unexpectedShopCipher = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Unexpected identifier. The `shop_cipher` query parameter is not required for this request."
    )
    static let invalidShopCipher = APIError(
        code: 36009004,
        httpStatus: 400,
        message: "Invalid identifier. The `shop_cipher` query parameter does not name a shop authorised for this app."
    )
    static let invalidPath = APIError(code: 36009009, httpStatus: 404, message: "Invalid path.")
    static let invalidMethod = APIError(code: 36009010, httpStatus: 405, message: "Invalid method.")
    static let invalidVersion = APIError(code: 36009014, httpStatus: 404, message: "Invalid version.")
    static let invalidBodyFormat = APIError(code: 36009022, httpStatus: 400, message: "Invalid request body format. The body must be JSON.")
    static let bodyTooLarge = APIError(code: 36009021, httpStatus: 413, message: "File too large. The request body exceeds the limit of")
    static let headersTooLarge = APIError(code: 36009004, httpStatus: 431, message: "Invalid request. The request headers exceed the limit of")
    static let malformedRequest = APIError(code: 36009004, httpStatus: 400, message: "Invalid request. The request is not valid HTTP/1.1:")
    static let invalidParameter = APIError(code: 98001004, httpStatus: 400, message: "Parameter is invalid.")
    static let tooManyRequests = APIError(
        code: 36009002,
        httpStatus: 429,
        message: "Too many requests. You've made too many requests in a short period of time."
    )

    /// Not a TikTok code's usual meaning: the fake has nothing that answers this operation.
    static let notSimulated = APIError(
        code: 36009003,
        httpStatus: 501,
        message: "Internal error. tts-replay has no answer for this request:"
    )
}
