import AsyncHTTPClient
import Foundation
import ReplayServer
import Scenarios

/// Workload 5: from `ReplayServer.start` to the first answered signed request, in process.
enum StartupBenchmark {
    static func run(times: Int) async throws {
        let loadStart = ContinuousClock.now
        let scenario = try Scenario.default
        let load = ContinuousClock.now - loadStart
        var samples: [Double] = []
        for _ in 0..<times {
            let started = ContinuousClock.now
            let server = try await ReplayServer.start(scenario: scenario)
            let query = ["app_key": server.credentials.appKey, "timestamp": String(Int(Date().timeIntervalSince1970))]
            let sign = RequestSignature.sign(path: "/authorization/202309/shops", query: query, appSecret: server.credentials.appSecret)
            var request = HTTPClientRequest(
                url: server.baseURL.absoluteString
                    + "/authorization/202309/shops?app_key=\(query["app_key"]!)&timestamp=\(query["timestamp"]!)&sign=\(sign)"
            )
            request.headers.add(name: "x-tts-access-token", value: server.credentials.accessToken)
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            _ = try await response.body.collect(upTo: 1 << 20)
            let elapsed = ContinuousClock.now - started
            precondition(response.status.code == 200, "the first request must be answered")
            samples.append(milliseconds(elapsed))
            try await server.stop()
        }
        samples.sort()
        print(
            String(
                format:
                    "5. in-process start to first answered request: median %.1f ms, min %.1f, max %.1f over %d starts (the default scenario, loaded once in %.1f ms)",
                samples[samples.count / 2],
                samples[0],
                samples[samples.count - 1],
                times,
                milliseconds(load)
            )
        )
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
