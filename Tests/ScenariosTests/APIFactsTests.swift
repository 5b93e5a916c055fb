import Testing

@testable import Scenarios

/// The API facts table is consistent: one id, one route and one meaning per entry.
@Suite("API facts table")
struct APIFactsTests {
    @Test func operationIDsAndRoutesAreUnique() {
        #expect(Set(APIOperation.all.map(\.id)).count == APIOperation.all.count)
        let routes = APIOperation.all.map { "\($0.method) \($0.pathTemplate)" }
        #expect(Set(routes).count == routes.count)
        for operation in APIOperation.all {
            #expect(APIOperation.named(operation.id) == operation)
        }
        #expect(APIOperation.named("search_product") == nil)
    }

    @Test func theListingOperationsAreTheNineThatCarryCategoryVersion() {
        let listing = APIOperation.all.filter(\.isListing).map(\.id)
        #expect(
            listing == [
                "get_categories", "recommend_category", "get_category_rules", "get_attributes", "get_brands", "create_product",
                "edit_product", "edit_product_202509", "search_products",
            ]
        )
        #expect(APIOperation.all.filter(\.searchesEitherTree) == [.searchProducts])
        #expect(APIOperation.all.filter(\.writesProduct) == [.createProduct, .editProduct, .editProduct202509])
    }

    @Test func webhookTypesAreNamedOnceAndTheCategoryChangeIsType18() {
        #expect(Set(WebhookType.all.map(\.name)).count == WebhookType.all.count)
        #expect(WebhookType.named("PRODUCT_CATEGORY_CHANGE")?.number == 18)
        #expect(WebhookType.named("PRODUCT_CATEGORY_CHANGED") == nil)
    }

    @Test func shopEventKindsAreDistinctAndReadBackUnknownOnes() {
        #expect(Set(ShopEventKind.all).count == ShopEventKind.all.count)
        #expect(ShopEventKind(rawValue: "product.category_changed") == .productCategoryChanged)
        #expect(!ShopEventKind.all.contains(ShopEventKind(rawValue: "product.audited")))
    }
}
