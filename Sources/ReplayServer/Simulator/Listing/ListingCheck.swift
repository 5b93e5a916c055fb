import Scenarios

/// `POST /product/202309/products/listing_check`: the problems Create Product would answer
/// for the same body, all of them, without creating anything.
struct ListingCheck: Sendable {
    /// The `data` of Check Product Listing (`CheckProductListingResponseData` in the SDK).
    struct Result: Encodable, Sendable {
        struct FailReason: Encodable, Sendable {
            var code: Int
            var message: String
        }

        struct Warning: Encodable, Sendable {
            var message: String
        }

        /// A field's diagnosis of listing quality; the simulator does not judge quality, so the
        /// list is empty, but it is there, as in the SDK's model and the docs' example.
        struct Diagnosis: Encodable, Sendable {}

        var checkResult: String
        var failReasons: [FailReason]
        var warnings: Warning?
        var diagnoses: [Diagnosis] = []

        enum CodingKeys: String, CodingKey {
            case warnings, diagnoses
            case checkResult = "check_result"
            case failReasons = "fail_reasons"
        }
    }

    let validator: ListingValidator

    func answer(_ request: SimulatorRequest) throws(APIError) -> Result {
        let draft = try ProductDraft(request: request)
        let review = validator.review(draft, request: request, write: .check)
        var seen = Set<APIError>()
        let reasons = review.problems.filter { seen.insert($0).inserted }.map { Result.FailReason(code: $0.code, message: $0.message) }
        return Result(
            checkResult: reasons.isEmpty ? "PASS" : "FAILED",
            failReasons: reasons,
            warnings: review.warnings.isEmpty ? nil : Result.Warning(message: review.warnings.joined(separator: " "))
        )
    }
}
