import Foundation
import Scenarios

/// Cassette texts of about one MiB in the two layouts a large cassette comes in: the block layout
/// `tts-replay record` writes (recorded Search Products exchanges, headers and JSON bodies), and
/// one flow mapping per line, as `run.py` writes its 100,000-interaction cassette.
enum CassetteTextFixture {
    /// The text of about `bytes` in the recorder's layout.
    static func recorded(bytes: Int) -> String {
        let sample = Cassette(interactions: (0..<100).map(recordedSearch)).yaml().utf8.count
        return Cassette(interactions: (0..<(bytes * 100 / sample)).map(recordedSearch)).yaml()
    }

    /// A recorded Search Products exchange: a page of three products.
    static func recordedSearch(_ index: Int) -> Cassette.Interaction {
        let request = Cassette.RecordedRequest(
            method: "POST",
            path: "/product/202502/products/search",
            query: ["shop_cipher": LookupFixture.cipher, "page_size": "20", "app_key": "6a1c2e9f3b7d", "timestamp": "1795927576"],
            headers: ["content-type": "application/json", "x-tts-access-token": "<redacted:x-tts-access-token:1>"],
            body: .json(.object(["status": .string("ACTIVATE"), "page_token": .string("token-\(index)")]))
        )
        let products = (0..<3).map { product in
            JSONValue.object([
                "id": .string("\(1_729_000_000_000_000_000 + index * 3 + product)"),
                "title": .string("Product \(index * 3 + product)"),
                "status": .string("ACTIVATE"),
                "create_time": .number(1_793_610_000),
                "is_not_for_sale": .bool(false),
                "skus": .array([
                    .object(["id": .string("sku-\(index)-\(product)"), "price": .object(["amount": .string("19.99"), "currency": .string("GBP")])])
                ]),
            ])
        }
        let answer = JSONValue.object([
            "code": .number(0), "message": .string("Success"), "request_id": .string("202611020900004D299F0370E6186B\(index)"),
            "data": .object(["products": .array(products), "total_count": .number(10_000), "next_page_token": .string("token-\(index + 1)")]),
        ])
        return Cassette.Interaction(
            request: request,
            response: Cassette.RecordedResponse(headers: ["content-type": "application/json"], body: .json(answer))
        )
    }

    /// The text of about `bytes` in run.py's layout: Get Product by id, one line per interaction.
    static func flow(bytes: Int) -> String {
        var lines = ["format: 1", "interactions:"]
        var size = 0
        while size < bytes {
            let line =
                "  - {request: {method: GET, path: /product/202309/products/\(1_729_000_000_000_000_000 + lines.count), "
                + "query: {shop_cipher: '\(LookupFixture.cipher)'}}, response: {body: {\"code\": 0, \"message\": \"Success\", "
                + "\"request_id\": \"202611020900004D299F0370E6186B0001\", \"data\": {\"id\": \"x\"}}}}"
            lines.append(line)
            size += line.utf8.count + 1
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
