import Scenarios

/// An error the fake answers with: the TikTok Shop code, its message and the HTTP status.
///
/// Every code the fake can send is a static member in the table below, so the facts from the
/// reference (`docs/api-reference.md`, section 2) live in one place.
struct APIError: Error, Sendable, Hashable {
    /// The `code` field of the envelope.
    var code: Int
    /// The `message` field of the envelope.
    var message: String
    /// The HTTP status of the response (business errors are 200).
    var httpStatus: Int

    /// Creates an error.
    init(code: Int, httpStatus: Int, message: String) {
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
    /// An upload sent without a `multipart/form-data` body (reference section 1: 36009023).
    static let multipartRequired = APIError(
        code: 36009023,
        httpStatus: 400,
        message: "Invalid request body format. The body must be multipart/form-data with a boundary."
    )
    static let bodyTooLarge = APIError(code: 36009021, httpStatus: 413, message: "File too large. The request body exceeds the limit of")
    static let headersTooLarge = APIError(code: 36009004, httpStatus: 431, message: "Invalid request. The request headers exceed the limit of")
    static let malformedRequest = APIError(code: 36009004, httpStatus: 400, message: "Invalid request. The request is not valid HTTP/1.1:")
    /// Transport limits of tts-replay (TikTok's own are unobserved): a body too slow, every connection busy.
    static let bodyTimeout = APIError(code: 36009004, httpStatus: 408, message: "Invalid request. The request body did not arrive within")
    static let serverBusy = APIError(
        code: 36009003,
        httpStatus: 503,
        message: "Internal error. Every connection tts-replay allows is answering a request; try again."
    )
    /// 98001004 for a query the gateway cannot read, with its documented text and HTTP 400.
    static func malformedQuery(_ name: String, reason: String, expected: String) -> APIError {
        let error = parameterRejected.filling(["param_name": name, "reason": reason, "expected_value": expected])
        return APIError(code: error.code, httpStatus: 400, message: error.message)
    }
    /// Not observed live: a path over the request limits gets the code of a malformed request and HTTP 414.
    static let pathTooLong = APIError(code: 36009004, httpStatus: 414, message: "Invalid request. The path exceeds the limit of")
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

    /// Not a TikTok code's usual meaning: the scenario's cassettes hold no interaction for this request.
    static let noRecordedAnswer = APIError(
        code: 36009003,
        httpStatus: 501,
        message: "Internal error. tts-replay has no recorded answer:"
    )

    // Business errors: HTTP 200 with a non-zero code (reference section 2, "Category and L7" and "Other product errors").

    /// The documented text of 98001004, with its placeholders to fill (`param_name`, `reason`, `expected_value`).
    static let parameterRejected = APIError(
        code: 98001004,
        httpStatus: 200,
        message: "Parameter {{param_name}} is invalid. Reason: {{reason}}. Expected: {{expected_value}}"
    )
    static let invalidProductInput = APIError(code: 36009004, httpStatus: 200, message: "invalid param error")
    static let incorrectCategoryFormat = APIError(code: 12052002, httpStatus: 200, message: "Incorrect category format")
    static let categoryNotFound = APIError(code: 12052023, httpStatus: 200, message: "Category does not exist")
    static let categoryNotLeaf = APIError(code: 12052024, httpStatus: 200, message: "Category is not final category")
    static let v2Required = APIError(
        code: MarketPolicy.v2RequiredErrorCode,
        httpStatus: 200,
        message: "All region shops must use V2 categories. Check the documentation for further details."
    )
    static let categoryVersionMismatch = APIError(code: 12052230, httpStatus: 200, message: "Category version and categoryID are not matched.")
    static let categoryProhibited = APIError(
        code: 12052220,
        httpStatus: 200,
        message: "This category is prohibited or unsupported on TikTok Shop. Select another category."
    )
    static let categoryRestricted = APIError(
        code: 12052223,
        httpStatus: 200,
        message: "This category is restricted. To sell in this category, apply through the Qualification Center in Seller Center."
    )
    static let categoryNotMain = APIError(
        code: 12052225,
        httpStatus: 200,
        message:
            "You are not authorized to sell in this category because it does not fall under your shop's main category. Contact your account manager for help or select another category."
    )
    static let propertyRequired = APIError(code: 12052104, httpStatus: 200, message: "property is required")
    static let qualificationMissing = APIError(code: 12052105, httpStatus: 200, message: "required qualification miss")
    static let brandNotFound = APIError(code: 12052026, httpStatus: 200, message: "Brand does not exist")
    static let brandNotAuthorized = APIError(
        code: 12052201,
        httpStatus: 200,
        message: "You are not authorized to sell this brand in this category. To do so, apply through the Qualification Center in Seller Center."
    )
    static let mainImageRequired = APIError(code: 12052028, httpStatus: 200, message: "Main product image is required")
    static let mainImagesTooMany = APIError(code: 12052306, httpStatus: 200, message: "main product images count exceed limit")
    static let descriptionRequired = APIError(code: 12052015, httpStatus: 200, message: "The product description is required")
    static let titleTooLong = APIError(code: 12052051, httpStatus: 200, message: "The product name exceed max limit characters")
    static let tooManySKUs = APIError(code: 12052050, httpStatus: 200, message: "A single product cannot have more than 100 different SKUs")
    static let productNotInShop = APIError(code: 12052034, httpStatus: 200, message: "This product doesn't belong to this shop")
    static let productNotFound = APIError(code: 12019150, httpStatus: 200, message: "The product ID does not exist.")
    static let productStatusForbids = APIError(code: 12052901, httpStatus: 200, message: "The product status does not allow this operation.")
    // The listing rules (reference section 7; texts from the Create Product error table, docs/error-messages.json).
    static let productNameEmpty = APIError(code: 12052261, httpStatus: 200, message: "product name is empty")
    static let inventoryOutOfRange = APIError(
        code: 12052055,
        httpStatus: 200,
        message: "The SKU inventory quantity for the warehouse must be within allowed limits."
    )
    static let currencyUnavailable = APIError(code: 12052084, httpStatus: 200, message: "The provided currency is not available for this shop/region")
    static let productIDUnknown = APIError(code: 12052260, httpStatus: 200, message: "The product ID does not exist")
    /// Activate Products and Update Inventory: a product or SKU that could not be changed; the
    /// reasons are in `detail.extra_errors`.
    static let checkFailed = APIError(code: 12052990, httpStatus: 200, message: "Check failed")
    /// Update Inventory: a `warehouse_id` that is none of the SKU's warehouses.
    static let warehouseNotFound = APIError(code: 12052097, httpStatus: 200, message: "The warehouse does not exist")
    /// Create Category Upgrade Task while the shop's task runs.
    static let upgradeTaskRunning = APIError(
        code: 12052234,
        httpStatus: 200,
        message: "Please wait for the current task to finish (maximum 2 hours) and try again."
    )
    static let conditionalPropertyRequired = APIError(
        code: 12052182,
        httpStatus: 200,
        message: "The `{{sub_property_name}}` field is required as you've selected `{{parent_property_value}}` for `{{parent_property_name}}`."
    )
    static let manufacturerRequired = APIError(code: 12052282, httpStatus: 200, message: "Product manufacturer is required.")
    static let manufacturerNotFound = APIError(code: 12052284, httpStatus: 200, message: "Manufacturer ID {{manufacturer_id}} is not found")
    static let responsiblePersonRequired = APIError(code: 12052287, httpStatus: 200, message: "Product responsible person is required")
    static let responsiblePersonNotFound = APIError(code: 12052289, httpStatus: 200, message: "Responsible person ID {{rp_id}} is not found")
    static let sizeChartRequired = APIError(code: 12052673, httpStatus: 200, message: "Product sizechart image is required")
    static let sizeChartNotFound = APIError(code: 12052128, httpStatus: 200, message: "Size chart not found")
    static let crossBorderLocalProduct = APIError(
        code: 12052701,
        httpStatus: 200,
        message: "do not support cross-boarder seller create local product directly"
    )
    static let invalidInput = APIError(
        code: 12052910,
        httpStatus: 200,
        message: "Invalid input parameters. Refer to the API documentation for details."
    )
    static let noRecommendation = APIError(code: 12019064, httpStatus: 200, message: "No matching categories were found for this product.")
    static let tooManySellerSKUs = APIError(code: 12019027, httpStatus: 200, message: "seller_skus can hold at most 10 values.")
    static let tooManySKUIDs = APIError(code: 12019087, httpStatus: 200, message: "sku_ids can hold at most 10 values.")
    static let invalidCreateTime = APIError(code: 12019118, httpStatus: 200, message: "The create time range is invalid.")
    static let invalidUpdateTime = APIError(code: 12019119, httpStatus: 200, message: "The update time range is invalid.")
    static let tooManyResults = APIError(code: 12052180, httpStatus: 200, message: "The search matches more than 10000 products; narrow it.")
    static let invalidPageSize = APIError(code: 12019108, httpStatus: 200, message: "page_size is invalid; it must be between 1 and 100.")
    static let invalidPageToken = APIError(code: 12019109, httpStatus: 200, message: "page_token is invalid.")
}
