import Foundation
import Testing

@testable import Scenarios

/// The API facts table is consistent: one id, one route and one meaning per entry.
@Suite("API facts table")
struct APIFactsTests {
    /// The signer's quick test of a name says what the set of unsigned parameters says.
    @Test func theUnsignedTestAgreesWithTheUnsignedSet() {
        for name in Array(RequestParameter.unsigned) + [
            RequestParameter.appKey, RequestParameter.timestamp, RequestParameter.shopCipher, "Sign", "signs", "",
        ] {
            #expect(RequestParameter.isUnsigned(name) == RequestParameter.unsigned.contains(name), "\(name)")
        }
    }

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
                "recommend_global_categories", "get_global_attributes", "get_global_category_rules",
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
        // The generated SDK's operation list (reference section 7) has 71 `/product/...`
        // operations, Get Listing Schemas among them; the table adds the older versions clients
        // still call (Edit 202309, Partial Edit 202309, Search 202309 and 202312, Check Listing
        // Prerequisites 202309).
        let product = APIOperation.all.filter { $0.pathTemplate.hasPrefix("/product/") }
        #expect(product.count == 71 + 5)
        #expect(APIOperation.all.filter { !$0.pathTemplate.hasPrefix("/product/") }.map(\.id).count == 4)
        // Uploads, global products and the compliance registry take no shop_cipher.
        for unscoped in [APIOperation.uploadProductImage, .uploadProductFile, .getGlobalCategories, .createManufacturer, .searchSizeCharts] {
            #expect(!unscoped.isShopScoped, "\(unscoped.id)")
        }
    }

    @Test func aTemplateFilledIsAPathItsOperationMatches() {
        let path = APIOperation.getProduct.path([APIOperation.productIDParameter: "1729587213455066934"])
        #expect(path == "/product/202309/products/1729587213455066934")
        #expect(APIOperation.getProduct.pathParameter(APIOperation.productIDParameter, in: path) == "1729587213455066934")
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

/// `docs/gateway.md` lists every operation of the table, with what the table says of it.
@Suite("The operation table in the docs")
struct OperationDocsTests {
    @Test func theGatewayPageListsEveryOperationAsTheTableHasIt() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/gateway.md")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("| ") && $0.hasSuffix(" |") }
        let listed = Dictionary(
            rows.map { row in
                let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
                return (cells[0], cells)
            },
            uniquingKeysWith: { first, _ in first }
        )
        for operation in APIOperation.all {
            let cells = try #require(listed[operation.id], "\(operation.id) is not in docs/gateway.md")
            #expect(cells[1] == "\(operation.method) \(operation.pathTemplate)", "\(operation.id)")
            #expect(cells[2] == (operation.isShopScoped ? "yes" : "no"), "\(operation.id)")
            #expect(cells[3] == (operation.isListing ? operation.categoryVersion.rawValue : "–"), "\(operation.id)")
            #expect(cells[4] == (operation.isSimulated ? "yes" : "no"), "\(operation.id) simulated")
        }
    }
}
