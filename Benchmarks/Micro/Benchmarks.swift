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
