import Foundation
import NIOCore
import Scenarios
import Testing

@testable import ReplayServer

/// Search Products reads an index kept up to date by every change, and pages with a cursor:
/// whatever the filters and changes, its pages are what a full scan of the shop finds.
@Suite("Search Products index")
struct ProductIndexTests {
    /// Every page of a search, followed by its tokens, with the total of each page.
    static func pages(
        _ store: ProductStore,
        shopID: String,
        filter: ProductSearchFilter,
        size: Int,
        encodings: inout Int
    ) throws -> (ids: [String], totals: Set<Int>) {
        var position = PageToken.Position.offset(0)
        var ids: [String] = []
        var totals: Set<Int> = []
        var count = 0
        for _ in 0..<1_000 {
            let page = store.search(ofShop: shopID, filter: filter, from: position, size: size) { product in
                count += 1
                return Array(product.id.utf8)
            }
            ids += page.entries.map { String(decoding: $0, as: UTF8.self) }
            totals.insert(page.total)
            guard let next = page.next else { break }
            #expect(page.entries.count == size)
            position = try #require(PageToken.position(of: PageToken.make(after: next)))
        }
        encodings += count
        return (ids, totals)
    }

    @Test(arguments: [1 as UInt64, 2, 3])
    func everyPageIsWhatAFullScanFinds(seed: UInt64) throws {
        var shop = RandomShop(seed: seed)
        var products = (0..<300).map { shop.product($0) }
        let store = ProductStore(initial: products, seed: seed)
        var encodings = 0
        var roundsWithMatches = 0
        for round in 0..<120 {
            for _ in 0..<Int.random(in: 0...6, using: &shop.generator) {
                let index = Int.random(in: 0..<products.count, using: &shop.generator)
                var changed = products[index]
                shop.change(&changed, at: 1_020 + Int64(round / 4))
                let updated = store.update(changed.id) { product, _ in product = changed }
                products[index] = try #require(updated)
            }
            if round % 10 == 0 {
                let created = store.insert { id, nextSKUID in
                    var product = shop.product(1_000 + round)
                    product.id = id
                    product.skus = [ProductDraft.SKU(id: nextSKUID(), sellerSKU: "seller-3")]
                    return product
                }
                products.append(created)
            }
            let filter = try ProductSearchFilter(body: shop.filterBody(), version: [nil, .v1, .v2].randomElement(using: &shop.generator)!)
            let shopID = RandomShop.shops.randomElement(using: &shop.generator)!
            let expected = RandomShop.scan(products, shopID: shopID, filter: filter)
            let found = try Self.pages(
                store,
                shopID: shopID,
                filter: filter,
                size: Int.random(in: 1...40, using: &shop.generator),
                encodings: &encodings
            )
            #expect(found.ids == expected, "round \(round), filter \(filter)")
            #expect(found.totals == [expected.count], "round \(round), filter \(filter)")
            if !expected.isEmpty { roundsWithMatches += 1 }
        }
        // The random filters must leave something to compare most of the time.
        #expect(roundsWithMatches > 60)
        // Each product is encoded once until it changes, however many pages show it.
        #expect(encodings <= products.count + 120 * 7)
    }

    @Test func anOffsetTokenStillPagesByOffset() throws {
        var shop = RandomShop(seed: 7)
        let products = (0..<100).map { shop.product($0) }
        let store = ProductStore(initial: products, seed: 7)
        let filter = try ProductSearchFilter(body: nil, version: nil)
        let expected = RandomShop.scan(products, shopID: "shop-a", filter: filter)
        let token = try #require(PageToken.position(of: PageToken.make(offset: 10)))
        let page = store.search(ofShop: "shop-a", filter: filter, from: token, size: 5) { Array($0.id.utf8) }
        #expect(page.entries.map { String(decoding: $0, as: UTF8.self) } == Array(expected[10..<15]))
        #expect(page.total == expected.count)
    }

    @Test func aProductIsEncodedOnceUntilItChanges() throws {
        var shop = RandomShop(seed: 11)
        let products = (0..<50).map { shop.product($0) }
        let store = ProductStore(initial: products, seed: 11)
        let filter = try ProductSearchFilter(body: .object(["status": .string("ALL")]), version: nil)
        var encoded: [String] = []
        func search() -> [String] {
            store.search(ofShop: "shop-a", filter: filter, from: .offset(0), size: 100) { product in
                encoded.append(product.id)
                return Array("\(product.id) \(product.title)".utf8)
            }.entries.map { String(decoding: $0, as: UTF8.self) }
        }
        let first = search()
        #expect(encoded.count == first.count)
        encoded = []
        #expect(search() == first)
        #expect(encoded.isEmpty)
        let edited = try #require(first.first?.split(separator: " ").first.map(String.init))
        _ = store.update(edited) { product, _ in product.title = "Renamed" }
        let third = search()
        #expect(encoded == [edited])
        #expect(third.contains("\(edited) Renamed"))
    }

    @Test func aPageIsAnsweredWithTheSameBytesUntilAProductChanges() throws {
        var shop = RandomShop(seed: 13)
        let products = (0..<60).map { shop.product($0) }
        let store = ProductStore(initial: products, seed: 13)
        let filter = try ProductSearchFilter(body: .object(["status": .string("ALL")]), version: nil)
        var made = 0
        func page(size: Int = 20, filter: ProductSearchFilter = filter) -> ProductStore.AnsweredPage {
            store.searchPage(ofShop: "shop-a", filter: filter, from: .offset(0), size: size) { product in
                Array("\(product.id) \(product.title)".utf8)
            } payload: { page in
                made += 1
                return EncodedPayload(encodedForManyAnswers: Array(page.entries.joined(separator: Array("|".utf8))))
            }
        }
        func text(_ page: ProductStore.AnsweredPage) -> String { String(decoding: page.payload.bytes, as: UTF8.self) }
        func storage(_ page: ProductStore.AnsweredPage) -> UnsafePointer<UInt8>? { page.payload.bytes.withUnsafeBufferPointer(\.baseAddress) }
        func sent(_ page: ProductStore.AnsweredPage) -> UnsafeRawPointer? { page.payload.buffer.withUnsafeReadableBytes(\.baseAddress) }

        let first = page()
        let again = page()
        #expect(made == 1, "the page is made once")
        #expect(storage(again) == storage(first), "and answered with the same bytes")
        #expect(sent(again) == sent(first), "and sent from the same buffer")
        _ = page(size: 21)
        _ = page(filter: try ProductSearchFilter(body: .object(["status": .string("ALL")]), version: .v2))
        #expect(made == 3, "another size or filter is another page")

        // Any change forgets the pages: an edit shows at once, and so does a new product.
        let edited = try #require(text(first).split(separator: " ").first.map(String.init))
        _ = store.update(edited) { product, _ in product.title = "Renamed" }
        #expect(text(page()).contains("\(edited) Renamed"))
        #expect(made == 4)
        let created = store.insert { id, _ in
            var product = shop.product(500)
            product.id = id
            product.shopID = "shop-a"
            return product
        }
        #expect(page().total == RandomShop.scan(products + [created], shopID: "shop-a", filter: filter).count)
        #expect(made == 5)

        // An update that changes nothing keeps them.
        _ = store.update(edited) { _, _ in }
        _ = page()
        #expect(made == 5)

        // Past the pages kept, they are all forgotten and made again: never a wrong page.
        for size in 1...(ProductStore.pagesKept + 1) { _ = page(size: size) }
        #expect(text(page()).contains("\(edited) Renamed"))
    }

    /// A kept page is counted toward the byte bound with the buffer that holds it again, at the
    /// size NIO allocates (a power of two), not the bytes it reads.
    @Test func aKeptPageCountsItsBufferAsAllocated() {
        let payload = EncodedPayload(encodedForManyAnswers: Array(repeating: UInt8(ascii: "x"), count: 100))
        #expect(payload.buffer.capacity >= 128)
        #expect(payload.heldBytes == 100 + payload.buffer.capacity)
        #expect(payload.heldBytes > 2 * payload.bytes.count)
    }

    @Test func aPageWhoseSearchIsPastTheByteBoundIsAnsweredButNotKept() throws {
        var shop = RandomShop(seed: 17)
        let store = ProductStore(initial: (0..<20).map { shop.product($0) }, seed: 17)
        // A hostile client's SKU filter of 8 MiB: kept 64 times, it would hold half a gigabyte.
        let huge = String(repeating: "S", count: ProductStore.pageBytesKept)
        let filter = try ProductSearchFilter(body: .object(["seller_skus": .array([.string(huge)])]), version: nil)
        var made = 0
        for _ in 0..<2 {
            _ = store.searchPage(ofShop: "shop-a", filter: filter, from: .offset(0), size: 10) {
                Array($0.id.utf8)
            } payload: { _ in
                made += 1
                return EncodedPayload(encodedForManyAnswers: [])
            }
        }
        #expect(made == 2, "made again each time: not kept")
    }

    @Test(arguments: ["", "bm90LWEtdG9rZW4=", "YWZ0ZXI6eHl6OjE=", "YWZ0ZXI6MTIz", "%%"])
    func aTokenTheFakeNeverIssuedIsRefused(_ token: String) {
        #expect(token.isEmpty ? PageToken.position(of: token) == .offset(0) : PageToken.position(of: token) == nil)
    }

    /// A cursor token reads back as its key and needs no escaping in a query (no `+`, `/` or `=`).
    @Test func aCursorTokenRoundTripsAndIsURLSafe() {
        for number in 0..<200 {
            let key = ProductOrderKey(updateTime: 1_700_000_000 + Int64(number * 7_919), id: "1731:\(number * 104_729)\u{FF}")
            let token = PageToken.make(after: key)
            #expect(PageToken.position(of: token) == .after(key))
            #expect(PageToken.offset(of: token) == nil)
            #expect(!token.contains { "+/=".contains($0) })
        }
    }
}
