import Foundation
@_spi(Benchmarks) import ReplayServer
import Scenarios

/// Cassette lookup at 100 and at 100,000 interactions: the same mix of requests (Get Product
/// by id, each its own route; Search Products pages, one route told apart by body), looked up
/// with the signing parameters a client sends, which matching ignores.
enum LookupBenchmark {
    static let cipher = "GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3"

    struct Request {
        var method: String
        var path: String
        var query: [(name: String, value: String)]
        var body: Cassette.Body
    }

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

    struct Result {
        var interactions: Int
        var distinct: Int
        var indexSeconds: Double
        var nanosecondsPerLookup: [Double]
        var median: Double { nanosecondsPerLookup.sorted()[nanosecondsPerLookup.count / 2] }
    }

    /// - Parameter distinct: How many different requests are looked up (at most `count`).
    static func measure(interactions count: Int, distinct: Int, lookups: Int, rounds: Int) -> Result {
        let cassette = cassette(interactions: count)
        let started = ContinuousClock.now
        let probe = CassetteLookupProbe(cassettes: [cassette])
        let indexSeconds = seconds(ContinuousClock.now - started)
        if count >= 100_000 { print("  resident after indexing \(count) interactions built in memory: \(residentMiB()) MiB") }
        var generator = SystemRandomNumberGenerator()
        let chosen = (0..<count).shuffled(using: &generator).prefix(distinct)
        let requests = (0..<10_000).map { _ in request(for: chosen.randomElement(using: &generator)!) }
        var timings: [Double] = []
        for _ in 0..<rounds {
            var hits = 0
            let start = ContinuousClock.now
            for lookup in 0..<lookups {
                let request = requests[lookup % requests.count]
                if probe.answers(method: request.method, path: request.path, query: request.query, body: request.body) { hits += 1 }
            }
            let elapsed = seconds(ContinuousClock.now - start)
            precondition(hits == lookups, "every request must hit")
            timings.append(elapsed / Double(lookups) * 1e9)
        }
        return Result(interactions: count, distinct: chosen.count, indexSeconds: indexSeconds, nanosecondsPerLookup: timings)
    }

    static func run(lookups: Int, rounds: Int) {
        let small = measure(interactions: 100, distinct: 100, lookups: lookups, rounds: rounds)
        let large = measure(interactions: 100_000, distinct: 10_000, lookups: lookups, rounds: rounds)
        let largeHot = measure(interactions: 100_000, distinct: 100, lookups: lookups, rounds: rounds)
        print("cassette lookup, \(lookups) lookups per round, \(rounds) rounds (median ns per lookup; all rounds)")
        for result in [small, large, largeHot] {
            let all = result.nanosecondsPerLookup.map { String(format: "%.0f", $0) }.joined(separator: " ")
            print(
                String(
                    format: "  %7d interactions, %5d different requests: %6.0f ns  (%@)  index built in %.3f s",
                    result.interactions,
                    result.distinct,
                    result.median,
                    all,
                    result.indexSeconds
                )
            )
        }
        print(
            String(
                format: "  throughput at 100,000 = %.2f x at 100 (%.2f x with the same 100 requests)",
                small.median / large.median,
                small.median / largeHot.median
            )
        )
    }

    /// VmRSS of this process, MiB.
    static func residentMiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return (Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0) / 1024
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
