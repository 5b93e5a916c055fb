@_spi(Benchmarks) import ReplayServer
import Scenarios

/// Cassettes of 100 and 100,000 interactions and the requests a client sends for them: Get
/// Product by id (each its own route) and Search Products pages (one route, told apart by
/// body), with the signing parameters a client adds, which matching ignores.
enum LookupFixture {
    static let cipher = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"

    struct Request {
        var method: String
        var path: String
        var query: [(name: String, value: String)]
        var body: Cassette.Body
    }

    /// Indexed once per process, on first use.
    static let hundred = CassetteLookupProbe(cassettes: [cassette(interactions: 100)])
    static let hundredThousand = CassetteLookupProbe(cassettes: [cassette(interactions: 100_000)])

    static func cassette(interactions count: Int) -> Cassette {
        var interactions: [Cassette.Interaction] = []
        interactions.reserveCapacity(count)
        let answer = Cassette.RecordedResponse(body: .json(.object(["code": .number(0), "message": .string("Success"), "data": .object([:])])))
        for index in 0..<count {
            let request: Cassette.RecordedRequest
            if index.isMultiple(of: 2) {
                request = Cassette.RecordedRequest(
                    method: "GET",
                    path: "/product/202309/products/\(1_729_000_000_000_000_000 + index)",
                    query: ["shop_cipher": cipher]
                )
            } else {
                request = Cassette.RecordedRequest(
                    method: "POST",
                    path: "/product/202502/products/search",
                    query: ["shop_cipher": cipher, "page_size": "20", "category_version": "v2"],
                    body: .json(.object(["status": .string("ACTIVATE"), "page_token": .string("token-\(index)")]))
                )
            }
            interactions.append(Cassette.Interaction(request: request, response: answer))
        }
        return Cassette(interactions: interactions)
    }

    /// `count` requests for interactions spread evenly over `interactions`.
    static func requests(_ count: Int, over interactions: Int) -> [Request] {
        (0..<count).map { request(for: $0 * (interactions / count)) }
    }

    /// What a client sends for interaction `index`: the recorded request plus fresh signing parameters.
    static func request(for index: Int) -> Request {
        let signing = [
            (name: "app_key", value: "6a1c2e9f3b7d"), (name: "timestamp", value: "1793610000"),
            (name: "sign", value: String(repeating: "ab", count: 32)),
        ]
        if index.isMultiple(of: 2) {
            return Request(
                method: "GET",
                path: "/product/202309/products/\(1_729_000_000_000_000_000 + index)",
                query: signing + [(name: "shop_cipher", value: cipher)],
                body: .none
            )
        }
        return Request(
            method: "POST",
            path: "/product/202502/products/search",
            query: signing + [(name: "shop_cipher", value: cipher), (name: "page_size", value: "20"), (name: "category_version", value: "v2")],
            body: .json(.object(["page_token": .string("token-\(index)"), "status": .string("ACTIVATE")]))
        )
    }
}
