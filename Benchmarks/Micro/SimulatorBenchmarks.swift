import Benchmark
@_spi(Benchmarks) import ReplayServer
import Scenarios

/// The simulator's answers behind workloads 2 and 3 of run.py, without the network: a page of
/// Search Products over a shop of 10,000 products (the first page and one deep in the shop,
/// reached by its token; read from the index after a product changed, and kept from the last
/// search when none did), and Get Categories v2 of the largest tree.
func simulatorBenchmarks() {
    let scenario = try! Scenario.default
    let probe = try! SimulatorProbe(scenario: scenario, products: 10_000)
    let body = #"{"category_version":"v1","status":"ACTIVATE"}"#
    // The token of page 150 of 200: a page deep in the shop costs what the first costs.
    var deepToken = ""
    for _ in 0..<150 { deepToken = try! probe.searchProducts(body: body, pageSize: 50, pageToken: deepToken).nextPageToken }
    for (name, token) in [("first page", ""), ("page 151", deepToken)] {
        // A product changes before each search: the page is read from the index and spliced.
        Benchmark("Search Products, 10,000 products, page of 50: \(name) after a change") { benchmark in
            for _ in benchmark.scaledIterations {
                probe.changeAProduct()
                let answer = try probe.searchProducts(body: body, pageSize: 50, pageToken: token)
                precondition(!answer.nextPageToken.isEmpty, "the page must have a next page")
                blackHole(answer)
            }
        }
    }
    // Nothing changes between two searches (a client polling): the page kept is answered.
    Benchmark("Search Products, 10,000 products, page of 50: first page, shop unchanged") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try probe.searchProducts(body: body, pageSize: 50))
        }
    }

    // Get Categories v2 of the market with the largest tree, as workload 3 asks it.
    var largest = scenario
    largest.shops[0].region = .jp
    let categories = try! SimulatorProbe(scenario: largest, products: 0)
    Benchmark("Get Categories v2, JP (the largest tree)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try categories.getCategories(query: "category_version=v2"))
        }
    }
}
