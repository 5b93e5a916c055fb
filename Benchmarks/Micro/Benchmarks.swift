import Benchmark
import Foundation
@_spi(Benchmarks) import ReplayJournal
@_spi(Benchmarks) import ReplayServer
import Scenarios

/// Micro benchmarks of the request path, with ordo-one/benchmark: run them from this folder with
/// `swift package benchmark` (add `--filter` to pick some). The HTTP workloads against nginx are
/// in run.py.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        scalingFactor: .kilo,
        maxDuration: .seconds(2),
        maxIterations: 1_000_000
    )

    // The gateway: query parsing, app_key, timestamp, HMAC-SHA256 signature, token, shop_cipher, body.
    let scenario = try! Scenario.default
    let gateway = GatewayProbe(scenario: scenario)
    for (name, request) in [("GET, no body", SignedRequest.get(in: scenario)), ("POST search, JSON body", SignedRequest.search(in: scenario))] {
        Benchmark("Gateway checks and signature: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                let accepted = gateway.accepts(
                    method: request.method,
                    path: request.path,
                    rawQuery: request.rawQuery,
                    accessToken: request.accessToken,
                    contentType: request.contentType,
                    body: request.body
                )
                precondition(accepted, "a correctly signed request must pass the gateway")
                blackHole(accepted)
            }
        }
    }

    // The API port's pipeline without the network: HTTP/1 decoding, the connection's guard and
    // gate, the handler, the gateway, the answer and its journal entry queued (answer before
    // commit), the answer encoded. A cassette hit as in workload 1, and a simulated search.
    let shopsAnswer =
        #"{"code":0,"message":"Success","request_id":"202611020900004D299F0370E6186B0001","data":{"shops":[{"cipher":"GCP_XF90igAAAABh00qsWgtvOiGFNqyubMt3","id":"7495540735365777507","name":"Maple & Thread UK","region":"GB","seller_type":"LOCAL"}]}}"#
    let cassette = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-pipeline-\(getpid())-shops.yaml")
    try! "format: 1\ninteractions:\n  - {request: {method: GET, path: /authorization/202309/shops}, response: {body: \(shopsAnswer)}}\n"
        .write(to: cassette, atomically: true, encoding: .utf8)
    let cassetteScenario = try! Scenario.parse("name: bench-pipeline\nanswer_order: [cassettes]\ncassettes: [\(cassette.path)]\n")
    for (name, scenario, request) in [
        ("cassette hit", cassetteScenario, SignedRequest.get(in: cassetteScenario)),
        ("Search Products, page of 20", scenario, SignedRequest.search(in: scenario)),
    ] {
        Benchmark("API pipeline without the network: \(name)") { benchmark in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-pipeline-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // The embedded channel is used on the thread that made it: made here, used before any suspension.
            let probe = try APIPipelineProbe(scenario: scenario, journalPath: folder.appendingPathComponent("journal.sqlite").path)
            let bytes = request.http
            let ok = Array("HTTP/1.1 200 OK".utf8)
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                let answer = try probe.answer(bytes)
                precondition(answer.starts(with: ok), "the request must be answered 200")
                blackHole(answer)
            }
            benchmark.stopMeasurement()
            await probe.close()
            try FileManager.default.removeItem(at: folder)
        }
    }

    // The simulator: a page of Search Products, Get Categories.
    simulatorBenchmarks()

    // The journal's redaction of one request, as its writer runs it: query and headers on their
    // bytes, the body, the answer (2 KB, shared) searched for the session's credentials.
    let answer = Array(repeating: UInt8(ascii: "x"), count: 2_048)
    for (name, request) in [("GET, no body", SignedRequest.get(in: scenario)), ("POST search, JSON body", SignedRequest.search(in: scenario))] {
        let probe = JournalRedactionProbe(
            scenario: scenario,
            method: request.method,
            path: request.path,
            rawQuery: request.rawQuery,
            accessToken: request.accessToken,
            contentType: request.contentType,
            body: request.body,
            answer: answer
        )
        Benchmark("Journal redaction of a request: \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                let query = probe.redact()
                precondition(query.contains("sign=<redacted>"), "the sign must be redacted")
                blackHole(query)
            }
        }
    }

    // Matching: one lookup in the cassette index, 100 and 100,000 interactions (the same 100 requests).
    for interactions in [100, 100_000] {
        Benchmark("Cassette lookup: \(interactions) interactions") { benchmark in
            let probe = interactions == 100 ? LookupFixture.hundred : LookupFixture.hundredThousand
            let requests = LookupFixture.requests(100, over: interactions)
            benchmark.startMeasurement()
            for iteration in benchmark.scaledIterations {
                let request = requests[iteration % requests.count]
                let hit = probe.answers(method: request.method, path: request.path, query: request.query, body: request.body)
                precondition(hit, "every request must hit")
                blackHole(hit)
            }
        }
    }

    // Building the index of 100,000 interactions, as a server does at start.
    let large = LookupFixture.cassette(interactions: 100_000)
    Benchmark(
        "Cassette index: 100,000 interactions built",
        configuration: .init(
            metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
            scalingFactor: .one,
            maxDuration: .seconds(5),
            maxIterations: 5
        )
    ) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(CassetteLookupProbe(cassettes: [large]))
        }
    }

    // Loading a cassette: one MiB of text parsed into the model, in each layout a large one comes in.
    for (layout, text) in [
        ("recorder's block layout", CassetteTextFixture.recorded(bytes: 1_048_576)),
        ("one flow mapping a line", CassetteTextFixture.flow(bytes: 1_048_576)),
    ] {
        Benchmark(
            "Cassette parse: 1 MiB, \(layout)",
            configuration: .init(
                metrics: [.wallClock, .throughput, .peakMemoryResident, .mallocCountTotal],
                scalingFactor: .one,
                maxDuration: .seconds(3),
                maxIterations: 100
            )
        ) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Cassette.parse(text))
            }
        }
    }

    // The journal: 1,000 entries queued and written in batches to a real SQLite file (WAL).
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tts-replay-micro-\(getpid())")
    Benchmark(
        "Journal batch write: 1,000 entries to SQLite",
        configuration: .init(
            metrics: [.wallClock, .throughput, .mallocCountTotal, .writeBytesPhysical],
            scalingFactor: .one,
            maxDuration: .seconds(3),
            maxIterations: 1_000
        )
    ) { benchmark in
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let probe = try JournalWriteProbe(path: folder.appendingPathComponent("journal.sqlite").path)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            await probe.write(1_000)
        }
        benchmark.stopMeasurement()
        let written = try await probe.count()
        await probe.close()
        try FileManager.default.removeItem(at: folder)
        precondition(written == 1_000 * benchmark.scaledIterations.count, "every entry must be on disk")
    }
}
