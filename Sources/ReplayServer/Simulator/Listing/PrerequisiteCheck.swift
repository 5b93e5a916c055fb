import Scenarios

/// `GET /product/202312/prerequisites` and `GET /product/202309/prerequisites`: one result per
/// check item, failed where the scenario says the shop fails it (`failing_prerequisites`).
struct PrerequisiteCheck: Sendable {
    /// The `data` of Check Listing Prerequisites (`CheckListingPrerequisitesResponseData`).
    struct Results: Encodable, Sendable {
        struct Item: Encodable, Sendable {
            var checkItem: String
            var isFailed: Bool
            var failReasons: [String]

            enum CodingKeys: String, CodingKey {
                case checkItem = "check_item"
                case isFailed = "is_failed"
                case failReasons = "fail_reasons"
            }
        }

        var checkResults: [Item]

        enum CodingKeys: String, CodingKey {
            case checkResults = "check_results"
        }
    }

    func answer(shop: Shop) -> Results {
        Results(
            checkResults: ListingPrerequisite.CheckItem.allCases.map { item in
                let reasons = shop.failingPrerequisites.filter { $0.item == item }.flatMap(\.reasons)
                return Results.Item(checkItem: item.rawValue, isFailed: !reasons.isEmpty, failReasons: reasons)
            }
        )
    }
}
