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

    @Test func theListingOperationsAreTheOnesThatCarryCategoryVersion() {
        let listing = APIOperation.all.filter(\.isListing).map(\.id)
        #expect(
            Set(listing) == [
                "get_categories", "recommend_category", "get_category_rules", "get_attributes", "get_brands", "create_product",
                "edit_product", "edit_product_202509", "search_products", "search_products_202309", "search_products_202312",
                "partial_edit_product", "partial_edit_product_202309", "check_product_listing", "get_global_categories",
            ]
        )
        #expect(APIOperation.all.filter(\.searchesEitherTree) == [.searchProducts, .searchProducts202309, .searchProducts202312])
        #expect(APIOperation.searchProducts202309.categoryVersion == .query)
        #expect(
            Set(APIOperation.all.filter(\.writesProduct))
                == [.createProduct, .editProduct, .editProduct202509, .partialEditProduct, .partialEditProduct202309]
        )
    }

    @Test func theTableHoldsTheWholeProductAPIOfThePublicSDK() {
        // The generated SDK's operation list (reference section 7) has 70 `/product/...`
        // operations; the table adds the older versions clients still call (Edit 202309, Partial
        // Edit 202309, Search 202309 and 202312, Check Listing Prerequisites 202309).
        let product = APIOperation.all.filter { $0.pathTemplate.hasPrefix("/product/") }
        #expect(product.count == 70 + 5)
        #expect(APIOperation.all.filter { !$0.pathTemplate.hasPrefix("/product/") }.map(\.id).count == 4)
        // Uploads, global products and the compliance registry take no shop_cipher.
        for unscoped in [APIOperation.uploadProductImage, .uploadProductFile, .getGlobalCategories, .createManufacturer, .searchSizeCharts] {
            #expect(!unscoped.isShopScoped, "\(unscoped.id)")
        }
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
